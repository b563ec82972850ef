-- The action log is append-only even for someone holding the application's database credentials: PostgreSQL
-- refuses every UPDATE, DELETE and TRUNCATE of audit_entry. (H2, the embedded development engine, has no
-- SQL-level triggers; there the application simply has no statement that changes or removes an entry.)
create function audit_entry_append_only() returns trigger
language plpgsql as $$
begin
    raise exception 'audit_entry is append-only: % refused', tg_op;
end;
$$;

create trigger audit_entry_no_change
    before update or delete on audit_entry
    for each row execute function audit_entry_append_only();

create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_append_only();
