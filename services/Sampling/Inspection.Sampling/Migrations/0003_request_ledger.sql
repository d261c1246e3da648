-- Issue 20: every write goes through the one request ledger (Inspection.Data installs request_ledger before this runs).
-- The request ids each table kept move into it, so a retry of a request recorded before still gets its first answer:
-- the operation is the RPC's request message (what the service now names it), the fingerprint is kept as it was
-- (SHA-256 of the request's protobuf bytes, which the service still computes), the result is the reference the use
-- case reads its first answer back by.
insert into request_ledger (request_id, operation, fingerprint, result, recorded_at)
select request_id, 'StartPopulationImportRequest', request_fingerprint, jsonb_build_object('snapshot_id', snapshot_id), created_at
from snapshots
on conflict (request_id) do nothing;

-- Each table had its own unique request ids, so one id may have served two writes: the table moved first keeps it
-- (snapshots, then samples, then substitutions), and a retry of the other is ALREADY_EXISTS (refused, never written twice).
insert into request_ledger (request_id, operation, fingerprint, result, recorded_at)
select request_id, 'DrawSampleRequest', request_fingerprint, jsonb_build_object('sample_id', sample_id), drawn_at
from samples
on conflict (request_id) do nothing;

insert into request_ledger (request_id, operation, fingerprint, result, recorded_at)
select request_id, 'SubstituteCaseRequest', request_fingerprint, jsonb_build_object('substitution_id', substitution_id), substituted_at
from substitutions
on conflict (request_id) do nothing;

alter table snapshots drop column request_id, drop column request_fingerprint;
alter table samples drop column request_id, drop column request_fingerprint;
alter table substitutions drop column request_id, drop column request_fingerprint;
