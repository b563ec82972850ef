-- One row per scheduled job: the node holding the lock runs it, the others skip (ShedLock).
create table shedlock (
    name varchar(64) not null primary key,
    lock_until timestamp not null,
    locked_at timestamp not null,
    locked_by varchar(255) not null
);
