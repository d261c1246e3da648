-- Issue 20: every write goes through the one request ledger (Inspection.Data installs request_ledger before this runs).
-- applied_requests moves into it, so a retry of a request recorded before still gets its answer (the record as stored
-- now, as it always did): the operation is the RPC's request message (what the service now names it), the fingerprint
-- is kept as it was (SHA-256 of the request's protobuf bytes without request_id, which the service still computes),
-- the result is where the record is, which the use case reads its answer back from. The sample an assessment was
-- written to was not kept: such a retry is given the case's newest assessment.
insert into request_ledger (request_id, operation, fingerprint, result, recorded_at)
select request_id, operation || 'Request', request_hash,
       case operation
           when 'RecordCaseAssessment' then jsonb_build_object('inspection_id', inspection_id, 'case_reference', target)
           when 'RecordPanelDeparture' then jsonb_build_object('inspection_id', inspection_id, 'standard_id', target)
           -- RecordPublishedResults, RecordPublishedFiguresCorrection: one record per inspection
           else jsonb_build_object('inspection_id', inspection_id)
       end,
       applied_at
from applied_requests
on conflict (request_id) do nothing;

drop table applied_requests;
