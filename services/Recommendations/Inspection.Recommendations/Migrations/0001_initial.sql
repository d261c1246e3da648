-- Recommendation tracking: the provider register with its restructures, the inspection calendar,
-- recommendations and their progress judgements, and client request ids (retries return the first result).

create table providers (
    provider_id uuid primary key,
    name text not null,
    type text not null check (type in ('pdu', 'region', 'nps_division', 'crc', 'probation_area', 'national_body')),
    region text not null default '',
    active_from date null,
    active_to date null,
    version bigint not null default 1,
    created_by text not null,
    created_at timestamptz not null default now(),
    check (active_to is null or active_from is null or active_to >= active_from)
);
-- One register entry per organisation: a second one of the same name would split its recommendations.
create unique index providers_name_key on providers (lower(name));

create table restructures (
    restructure_id uuid primary key,
    successor_id uuid not null references providers (provider_id),
    effective_on date not null,
    note text not null,
    recorded_by text not null,
    recorded_at timestamptz not null default now()
);

create table predecessor_links (
    restructure_id uuid not null references restructures (restructure_id),
    successor_id uuid not null references providers (provider_id),
    predecessor_id uuid not null references providers (provider_id),
    part_note text not null,
    primary key (successor_id, predecessor_id),
    check (successor_id <> predecessor_id)
);
create index predecessor_links_predecessor on predecessor_links (predecessor_id);

create table inspections (
    inspection_id uuid primary key,
    provider_id uuid not null references providers (provider_id),
    framework_id text not null,
    status text not null check (status in ('planned', 'published')),
    fieldwork_start date null,
    fieldwork_end date null,
    lead_inspector text not null,
    published_on date null,
    improvement_plan_due date null,
    published_by text not null default '',
    version bigint not null default 1,
    created_by text not null,
    created_at timestamptz not null default now(),
    check ((status = 'published') = (published_on is not null))
);
create index inspections_provider on inspections (provider_id);

create table recommendations (
    recommendation_id uuid primary key,
    inspection_id uuid not null references inspections (inspection_id),
    number int not null check (number > 0),
    addressee_group text not null check (addressee_group in ('provider', 'region', 'hmpps', 'moj')),
    addressee_provider_id uuid not null references providers (provider_id),
    text text not null,
    -- The AddRecommendations request that made it, so a retry returns the same batch.
    request_id text not null,
    version bigint not null default 1,
    recorded_by text not null,
    recorded_at timestamptz not null default now(),
    constraint recommendations_number_key unique (inspection_id, number)
);
create index recommendations_addressee on recommendations (addressee_provider_id);

-- Append-only: a correction at the same inspection is a new revision, so the history is the progress record.
create table progress_judgements (
    judgement_id uuid primary key,
    sequence bigint generated always as identity unique,
    recommendation_id uuid not null references recommendations (recommendation_id),
    inspection_id uuid not null references inspections (inspection_id),
    revision int not null check (revision > 0),
    judgement text not null,
    findings text not null,
    repeated_from_previous_inspection boolean not null,
    recorded_by text not null,
    recorded_at timestamptz not null default now(),
    -- Two judgements of one recommendation at one inspection racing for the same revision: one loses.
    constraint progress_judgements_revision_key unique (recommendation_id, inspection_id, revision)
);
create index progress_judgements_inspection on progress_judgements (inspection_id);

create function progress_judgements_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'progress judgements are append-only: record a new revision instead';
end;
$$;
create trigger progress_judgements_append_only before update or delete on progress_judgements
    for each row execute function progress_judgements_append_only();

create table client_requests (
    request_id text primary key,
    operation text not null,
    -- A hash of the request's content: the same id with different content is refused, not replayed.
    fingerprint text not null,
    result_id uuid null,
    created_at timestamptz not null default now()
);
