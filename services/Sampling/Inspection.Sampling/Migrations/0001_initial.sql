-- Case sampling: caseload snapshots (immutable once complete, versioned per provider), samples with their
-- cases and reserves, and the substitution history.

create table snapshots (
    snapshot_id        uuid primary key,
    request_id         text not null unique,
    request_fingerprint text not null,
    provider_id        text not null,
    version            integer not null,
    taken_on           date not null,
    description        text not null default '',
    status             text not null check (status in ('importing', 'complete')),
    case_count         bigint not null default 0,
    digest             text not null default '',
    created_at         timestamptz not null,
    completed_at       timestamptz,
    unique (provider_id, version)
);

-- Ordered by case reference in the "C" collation: the canonical order of a draw, straight off the primary key.
create table population_cases (
    snapshot_id                uuid not null references snapshots (snapshot_id),
    case_reference             text collate "C" not null,
    sentence_type              text not null,
    start_date                 date not null,
    gender                     text not null,
    ethnic_group               text not null,
    disability                 boolean not null,
    rosh_level                 text not null,
    mappa_level                smallint not null,
    prolific_priority_offender boolean not null,
    approved_premises_resident boolean not null,
    statutory_victim_contact   boolean not null,
    unpaid_work_requirement    boolean not null,
    unpaid_work_only           boolean not null,
    court_report_type          text not null,
    allocated_office           text not null,
    allocated_team             text not null,
    primary key (snapshot_id, case_reference)
);

create table samples (
    sample_id           uuid primary key,
    request_id          text not null unique,
    request_fingerprint text not null,
    inspection_id       text not null,
    snapshot_id         uuid not null references snapshots (snapshot_id),
    -- The seed is an unsigned 64-bit integer.
    seed                numeric(20, 0) not null,
    algorithm_version   text not null,
    parameters          jsonb not null,
    size                jsonb not null,
    exclusions          jsonb not null,
    strata              jsonb not null,
    quotas              jsonb not null,
    population_size     bigint not null,
    eligible_size       bigint not null,
    drawn_by            text not null,
    drawn_at            timestamptz not null,
    -- The newest draw of an inspection is its current sample.
    draw_sequence       bigint generated always as identity
);
create index samples_by_inspection on samples (inspection_id, draw_sequence desc);

create table sample_cases (
    sample_id      uuid not null references samples (sample_id),
    case_reference text collate "C" not null,
    stratum        text not null,
    role           text not null check (role in ('sampled', 'reserve')),
    status         text not null check (status in ('active', 'replaced', 'waiting')),
    selected_by    text not null,
    draw_position  bigint not null,
    reserve_rank   integer not null default 0,
    replaces       text not null default '',
    replaced_by    text not null default '',
    primary key (sample_id, case_reference)
);

create table substitutions (
    substitution_id        uuid primary key,
    request_id             text not null unique,
    request_fingerprint    text not null,
    sample_id              uuid not null references samples (sample_id),
    sequence               integer not null,
    removed_case_reference text not null,
    added_case_reference   text not null,
    stratum                text not null,
    reason                 text not null,
    substituted_by         text not null,
    substituted_at         timestamptz not null,
    unique (sample_id, sequence)
);
