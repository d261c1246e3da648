-- Issue 14: a progress judgement recorded at an inspection after its publication changes the published annex, so it
-- is taken only as a correction with its reason, kept here ('' for judgements recorded before publication).
alter table progress_judgements add column correction_reason text not null default '';
