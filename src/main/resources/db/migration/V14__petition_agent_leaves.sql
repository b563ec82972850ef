-- PDP-3: an agent may delete their account; the petition stays (a public record) without its agent. The foreign key
-- itself is redefined "on delete set null" by V15 (its generated name differs between engines).
alter table petition alter column agent_id drop not null;
-- A name in a three-byte script (Tifinagh) of 200 characters, encrypted and base64-encoded, needs about 850 characters.
alter table petition_signature alter column full_name_cipher set data type varchar(1200);
-- A draft form's key is the agent's within one collectivity.
drop index uq_petition_submission;
create unique index uq_petition_submission on petition (collectivity_id, agent_id, submission_key);
