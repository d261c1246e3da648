-- Issue 23: causes for concern. A provider flagged by a rule of concern-rules.json (its id and the version that raised
-- it, with its words as they were), the records that met it and the day it was met. One flag per rule id, provider and
-- records: raising is an insert that does nothing when the flag exists, open or closed, so two sweeps at once raise it
-- once and a closed flag is never raised again by the same records. Closing keeps who, when and why.
create table causes_for_concern (
    concern_id uuid primary key,
    provider_id uuid not null references providers (provider_id),
    rule_id text not null,
    rule_version int not null check (rule_version > 0),
    rule_title text not null,
    detail text not null,
    -- [{"inspection_id", "recommendation_id", "action_id", "description"}], as the rule found them.
    records jsonb not null,
    -- The records' ids in one order: what makes two findings the same flag.
    records_key text not null,
    met_on date not null,
    raised_at timestamptz not null default now(),
    version bigint not null default 1,
    closed_by text null,
    closed_at timestamptz null,
    close_reason text null,
    constraint causes_for_concern_flag_key unique (rule_id, provider_id, records_key),
    check ((closed_at is null) = (closed_by is null) and (closed_at is null) = (close_reason is null)),
    check (close_reason is null or length(trim(close_reason)) > 0)
);
create index causes_for_concern_provider on causes_for_concern (provider_id, raised_at desc);
create index causes_for_concern_open on causes_for_concern (raised_at desc) where closed_at is null;
