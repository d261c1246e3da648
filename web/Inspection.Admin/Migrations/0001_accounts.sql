-- The admin's own data: local accounts (passwords hashed, never stored) and the audit trail of changes made
-- through the admin. Inspection data lives in the services, never here.
create table accounts (
    account_id uuid primary key,
    email text not null,
    display_name text not null,
    role text not null check (role in ('viewer', 'inspector', 'lead_inspector', 'administrator')),
    password_hash text not null,
    failed_attempts integer not null default 0,
    locked_until timestamptz,
    disabled boolean not null default false,
    created_at timestamptz not null default now(),
    created_by text not null,
    last_signed_in_at timestamptz,
    -- Bumped on every change of role, password or status: signed-in sessions carry it and end when it moves.
    version integer not null default 1
);

create unique index accounts_email_key on accounts (lower(email));

create table audit_events (
    audit_event_id bigint generated always as identity primary key,
    occurred_at timestamptz not null default now(),
    actor text not null,
    action text not null,
    subject text not null,
    detail text not null default ''
);

create index audit_events_occurred_at on audit_events (occurred_at desc);
