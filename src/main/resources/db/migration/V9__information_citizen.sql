-- Mails to requesters (module: information). The event registry may deliver a step again after a restart; the
-- step's event id is recorded with the mail it caused so a replay sends nothing twice. No address is kept here.
create table info_mail_sent (
    event_id varchar(36) primary key,
    request_id bigint not null references info_request (id) on delete cascade,
    kind varchar(40) not null,
    sent_at timestamp with time zone not null
);
