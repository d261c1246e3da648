-- Issue 23: the standards and key questions of its inspection's framework a recommendation is about, so the next
-- inspection can show the measured change beside its progress judgement. Not part of the published report, so a link
-- carries no correction reason; who made it and when is kept here, every change in the audit trail.
create table recommendation_links (
    recommendation_id uuid not null references recommendations (recommendation_id),
    -- 'standard' or 'key_question': a framework's standard and key question ids never share a value, but the kind
    -- keeps the link readable without the framework.
    kind text not null check (kind in ('standard', 'key_question')),
    target_id text not null check (length(target_id) between 1 and 20),
    linked_by text not null,
    linked_at timestamptz not null default now(),
    primary key (recommendation_id, kind, target_id)
);
