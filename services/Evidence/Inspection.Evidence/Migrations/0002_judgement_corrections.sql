-- Issue 14: once the inspection is published, a judgement that changes one already recorded is a correction of the
-- published report, kept with its reason (null for judgements recorded before publication or transcribing it).
alter table judgements add column correction_reason text null;
