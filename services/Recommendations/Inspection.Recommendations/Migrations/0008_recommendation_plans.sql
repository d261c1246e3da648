-- Issue 23: between two inspections. A recommendation's priority flag (set when it is made), the addressee's
-- response, the actions of its plan with every target date they have had, dated updates and the addressee's reported
-- statuses. None of it is part of a published report. Words are stored as the contract spells them.

alter table recommendations add column priority boolean not null default false;

-- One row per recommendation with a plan: its version (every plan write moves it on) and the current response.
create table recommendation_plans (
    recommendation_id uuid primary key references recommendations (recommendation_id),
    version bigint not null default 1,
    response text null check (response in ('Agreed', 'Partly agreed', 'Not agreed')),
    response_reason text not null default '',
    responded_on date null,
    response_source text null check (response_source in ('staff', 'addressee_system')),
    response_recorded_by text not null default '',
    response_recorded_at timestamptz null,
    check ((response is null) = (responded_on is null))
);

create table plan_actions (
    action_id uuid primary key,
    recommendation_id uuid not null references recommendations (recommendation_id),
    number int not null check (number > 0),
    description text not null,
    owner_role text not null,
    owner_name text not null,
    status text not null check (status in ('Not started', 'In progress', 'Complete', 'Withdrawn')),
    status_reason text not null default '',
    source text not null check (source in ('staff', 'addressee_system')),
    recorded_by text not null,
    recorded_at timestamptz not null default now(),
    constraint plan_actions_number_key unique (recommendation_id, number),
    check (status <> 'Withdrawn' or status_reason <> '')
);

-- Append-only, like progress judgements: revision 1 is the original date, each later one a revision with its reason.
create table action_target_dates (
    action_id uuid not null references plan_actions (action_id),
    revision int not null check (revision > 0),
    target_date date not null,
    reason text not null,
    source text not null check (source in ('staff', 'addressee_system')),
    recorded_by text not null,
    recorded_at timestamptz not null default now(),
    primary key (action_id, revision),
    check (revision = 1 or reason <> '')
);
-- Reminders ask for actions by date.
create index action_target_dates_date on action_target_dates (target_date);

create table plan_updates (
    update_id uuid primary key,
    recommendation_id uuid not null references recommendations (recommendation_id),
    kind text not null check (kind in ('provider_update', 'monitoring_note', 'document_received')),
    occurred_on date not null,
    author text not null,
    text text not null,
    source text not null check (source in ('staff', 'addressee_system')),
    recorded_by text not null,
    recorded_at timestamptz not null default now()
);
create index plan_updates_recommendation on plan_updates (recommendation_id, occurred_on);

-- Every status the addressee reported is kept, so what it said can be set against what the next inspection found.
create table reported_statuses (
    sequence bigint generated always as identity primary key,
    recommendation_id uuid not null references recommendations (recommendation_id),
    status text not null check (status in ('On track', 'Delayed', 'Complete')),
    reported_on date not null,
    note text not null,
    source text not null check (source in ('staff', 'addressee_system')),
    recorded_by text not null,
    recorded_at timestamptz not null default now()
);
create index reported_statuses_recommendation on reported_statuses (recommendation_id, reported_on);

create function plan_history_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: record a new entry instead', tg_table_name;
end;
$$;
create trigger action_target_dates_append_only before update or delete on action_target_dates
    for each row execute function plan_history_append_only();
create trigger plan_updates_append_only before update or delete on plan_updates
    for each row execute function plan_history_append_only();
create trigger reported_statuses_append_only before update or delete on reported_statuses
    for each row execute function plan_history_append_only();
