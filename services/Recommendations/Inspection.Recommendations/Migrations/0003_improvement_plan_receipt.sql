-- The inspected provider's improvement plan, once received: an inspection's plan is overdue only while it is
-- published, past its due date and has no receipt recorded.
alter table inspections add column improvement_plan_received_on date null;
alter table inspections add column improvement_plan_recorded_by text not null default '';
alter table inspections add constraint inspections_plan_received_after_publication
    check (improvement_plan_received_on is null or (published_on is not null and improvement_plan_received_on >= published_on));
