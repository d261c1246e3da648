-- Registered integrators: systems that call the services with a token from /connect/token (OAuth 2.0 client
-- credentials). The secret is stored only as a salted PBKDF2 hash and never copied into the audit trail.
create table integrators (
    client_id text primary key,
    name text not null,
    scopes text[] not null,
    secret_hash text not null,
    created_at timestamptz not null default now(),
    created_by text not null,
    revoked_at timestamptz,
    revoked_by text
);

insert into audit.redacted_columns (table_name, column_name) values
    ('accounts', 'password_hash'),
    ('integrators', 'secret_hash')
on conflict do nothing;
