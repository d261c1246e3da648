-- Issue 14: recommendations added to an inspection after its publication change the published report, so they are
-- taken only as a correction with its reason, kept here ('' for recommendations added before publication).
alter table recommendations add column correction_reason text not null default '';
