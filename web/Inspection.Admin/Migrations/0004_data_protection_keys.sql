-- The admin's data-protection key ring (what signs and encrypts sign-in cookies and antiforgery tokens), shared by every
-- copy of the admin and kept across restarts. Each key's XML is encrypted with the key file in Auth:KeysDirectory
-- before it is stored here, and never copied into the audit trail.
create table data_protection_keys (
    friendly_name text primary key,
    xml           text not null,
    stored_at     timestamptz not null default now()
);
insert into audit.redacted_columns (table_name, column_name) values ('data_protection_keys', 'xml');
