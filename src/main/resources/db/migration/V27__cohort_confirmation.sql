-- Confirming a cohort: once the appeal window is over and every appeal decided, the network's coordinator confirms
-- the call; its selected applicants join the network (network_membership) under the cohort's name, and the call's
-- results are final (no tie decision or amendment after).
alter table cohort_call drop constraint ck_cohort_call_status;
alter table cohort_call add constraint ck_cohort_call_status check (status in ('DRAFT', 'PUBLISHED', 'CLOSED', 'RESULTS', 'CONFIRMED'));
alter table cohort_call add column confirmed_at timestamp with time zone;
alter table cohort_call add column cohort varchar(40);
