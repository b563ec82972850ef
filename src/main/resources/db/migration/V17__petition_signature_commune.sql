-- PET-7: a region's petition needs signatories from each of its provinces; each signature keeps the commune where the
-- signer lives or works (for a commune's petition, the commune itself).
alter table petition_signature add column commune_id bigint references collectivity (id);
update petition_signature set commune_id = collectivity_id;
