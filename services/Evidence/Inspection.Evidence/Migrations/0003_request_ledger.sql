-- Issue 20: every service keeps its write requests in the one request ledger (Inspection.Data installs request_ledger
-- before this runs). The evidence service's own request_log moves into it, each result as the reference the use case
-- reads its first answer back by, so a retry of a request recorded before still gets its first result; the
-- fingerprints are computed as before (SHA-256 of the command as JSON) and stay valid as they are.
insert into request_ledger (request_id, operation, fingerprint, result, recorded_at)
select request_id, operation, fingerprint,
       case operation
           when 'AddEvidence' then jsonb_build_object('evidence_id', result_id, 'version', result_version)
           when 'UpdateEvidence' then jsonb_build_object('evidence_id', result_id, 'version', result_version)
           when 'WithdrawEvidence' then jsonb_build_object('evidence_id', result_id, 'version', result_version)
           when 'RecordSurveyResult' then jsonb_build_object('survey_result_id', result_id)
           when 'RecordJudgement' then jsonb_build_object('inspection_id', result_id, 'standard_id', result_part, 'version', result_version)
           -- RecordStaffingReturn, RecordCaseCharacteristics: one versioned record per inspection
           else jsonb_build_object('inspection_id', result_id, 'version', result_version)
       end,
       recorded_at
from request_log;

drop table request_log;
