-- Issue 20: every write goes through the one request ledger (Inspection.Data installs request_ledger before this runs).
-- The entries of client_requests move into it, so a retry of a request recorded before still gets its first answer:
-- the operation (the RPC's name) and the fingerprint (SHA-256 of the operation and the command as JSON, which the
-- service still computes) are kept as they were; the result becomes the reference each use case reads its first answer
-- back by. An entry with no result (a claim whose write never completed) made nothing, so it is not moved.
insert into request_ledger (request_id, operation, fingerprint, result, recorded_at)
select c.request_id, c.operation, c.fingerprint,
       case c.operation
           when 'CreateProvider' then jsonb_build_object('provider_id', c.result_id)
           -- the answer is the successor's lineage: result_id named the restructure, which names the successor
           when 'RecordRestructure' then jsonb_build_object('provider_id', (select r.successor_id from restructures r where r.restructure_id = c.result_id))
           -- the batch is the recommendations the request made (recommendations.request_id)
           when 'AddRecommendations' then jsonb_build_object('inspection_id', c.result_id, 'request_id', c.request_id)
           when 'RecordProgressJudgement' then jsonb_build_object('judgement_id', c.result_id)
           -- CreateInspection, PublishInspection, RecordImprovementPlanReceipt: the inspection as it stands
           else jsonb_build_object('inspection_id', c.result_id)
       end,
       c.created_at
from client_requests c
where c.result_id is not null
on conflict (request_id) do nothing;

drop table client_requests;
