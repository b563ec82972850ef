-- Mails about a petition's steps (module: petitions): its agent, and the signatories who asked for them when signing
-- (petition_signature.notify), hear of the threshold, the filing, the bureau's decision and the outcome (PET-3, PET-6).
-- One row per petition and step: an event delivered again, or a threshold reached a second time, adds nothing.
-- Signatories are mailed in batches, in the order of their signature's id; the row keeps the last one mailed so that
-- a run that stops (a mail server down, a restart) resumes there. No address is kept here (PDP-2).
create table petition_mail (
    petition_id bigint not null references petition (id) on delete cascade,
    step varchar(30) not null,
    collectivity_id bigint not null references collectivity (id),
    created_at timestamp with time zone not null,
    agent_mailed_at timestamp with time zone,
    last_signature_id bigint not null default 0,
    signatories_mailed bigint not null default 0,
    done_at timestamp with time zone,
    primary key (petition_id, step)
);
create index ix_petition_mail_pending on petition_mail (done_at, created_at);

-- The opted-in signatories of one petition in id order: each batch reads the next range of this index.
create index ix_signature_notify on petition_signature (petition_id, notify, id);
