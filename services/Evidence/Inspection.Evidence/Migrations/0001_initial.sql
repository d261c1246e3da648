-- Organisational-delivery evidence. Every record keeps its versions: changes add rows, nothing is
-- updated in place or deleted (the triggers below refuse it), so the history is the record.

create function refuse_history_change() returns trigger language plpgsql as $$
begin
    raise exception 'history rows of % are never changed or deleted', tg_table_name;
end $$;

-- Idempotent requests: a retried request id returns the result it produced first.
create table request_log (
    request_id     text primary key,
    operation      text        not null,
    fingerprint    text        not null,
    result_id      text        not null,
    -- A second key where the result needs one (a judgement is per inspection and standard).
    result_part    text,
    result_version bigint      not null,
    recorded_at    timestamptz not null default now()
);

create table evidence_items (
    evidence_id     uuid primary key,
    inspection_id   text        not null,
    current_version bigint      not null check (current_version >= 1),
    added_at        timestamptz not null
);
create index evidence_items_inspection on evidence_items (inspection_id);

create table evidence_versions (
    evidence_id         uuid        not null references evidence_items (evidence_id),
    version             bigint      not null check (version >= 1),
    standard_id         text        not null,
    key_question_id     text,
    source              text        not null,
    evidence_date       date        not null,
    summary             text        not null,
    finding             text        not null check (finding in ('strength', 'area_for_improvement')),
    case_references     text[]      not null,
    evidence_subsection text,
    withdrawn           boolean     not null,
    withdrawal_reason   text,
    recorded_by         text        not null,
    recorded_at         timestamptz not null,
    primary key (evidence_id, version)
);
create trigger evidence_versions_are_history before update or delete on evidence_versions
    for each row execute function refuse_history_change();

create table staffing_returns (
    inspection_id text        not null,
    version       bigint      not null check (version >= 1),
    as_at         date        not null,
    recorded_by   text        not null,
    recorded_at   timestamptz not null,
    primary key (inspection_id, version)
);
create trigger staffing_returns_are_history before update or delete on staffing_returns
    for each row execute function refuse_history_change();

create table staffing_figures (
    inspection_id text    not null,
    version       bigint  not null,
    field         text    not null,
    value         numeric not null,
    unit          text    not null,
    primary key (inspection_id, version, field),
    foreign key (inspection_id, version) references staffing_returns (inspection_id, version)
);
create trigger staffing_figures_are_history before update or delete on staffing_figures
    for each row execute function refuse_history_change();

create table survey_results (
    survey_result_id uuid primary key,
    inspection_id    text        not null,
    survey           text        not null,
    question         text        not null,
    respondents      integer     not null check (respondents > 0),
    agreeing         integer     not null check (agreeing >= 0 and agreeing <= respondents),
    standard_id      text,
    key_question_id  text,
    recorded_by      text        not null,
    recorded_at      timestamptz not null
);
create index survey_results_inspection on survey_results (inspection_id);

create table case_characteristics_tables (
    inspection_id text        not null,
    version       bigint      not null check (version >= 1),
    recorded_by   text        not null,
    recorded_at   timestamptz not null,
    primary key (inspection_id, version)
);
create trigger case_characteristics_tables_are_history before update or delete on case_characteristics_tables
    for each row execute function refuse_history_change();

create table case_characteristic_rows (
    inspection_id  text    not null,
    version        bigint  not null,
    characteristic text    not null,
    value          numeric not null,
    unit           text    not null,
    source         text    not null check (source in ('computed_from_sample', 'entered')),
    numerator      integer,
    denominator    integer,
    primary key (inspection_id, version, characteristic),
    foreign key (inspection_id, version) references case_characteristics_tables (inspection_id, version),
    check ((source = 'entered') = (numerator is null and denominator is null))
);
create trigger case_characteristic_rows_are_history before update or delete on case_characteristic_rows
    for each row execute function refuse_history_change();

create table judgements (
    inspection_id    text        not null,
    standard_id      text        not null,
    version          bigint      not null check (version >= 1),
    rating           text        not null,
    rationale        text,
    panel_departure  boolean     not null,
    agreed_by        text,
    state            text        not null check (state in ('draft', 'final')),
    recorded_by      text        not null,
    recorded_by_role text,
    recorded_at      timestamptz not null,
    primary key (inspection_id, standard_id, version),
    check (not panel_departure or (rationale is not null and agreed_by is not null))
);
create trigger judgements_are_history before update or delete on judgements
    for each row execute function refuse_history_change();
