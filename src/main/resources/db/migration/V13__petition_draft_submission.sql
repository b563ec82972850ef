-- A draft form carries a random key: the same form sent twice (a double click, a resent request) saves one draft.
alter table petition add column submission_key varchar(36);
create unique index uq_petition_submission on petition (agent_id, submission_key);
