-- The name staff compared with the identity card when approving a residence: the name a petition's legal file
-- carries with the verified CIN (PET-1, the bureau's file), whatever the account's display name becomes later.
alter table resident_declaration add column verified_name varchar(100);
update resident_declaration set verified_name = (select a.display_name from account a where a.id = resident_declaration.account_id)
where status = 'APPROVED';
