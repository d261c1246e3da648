-- The report PDFs of published inspections (issue 25): each version as printed, with its SHA-256, served unchanged
-- afterwards. Version 1 is the report as published; a correction (a change recorded after publication) makes the next
-- version, and every version stays downloadable. `corrections` is the SHA-256 of the corrections the version prints
-- (their dates, what changed and why), so the record as corrected maps to exactly one version. The admin owns this table: the PDF is
-- printed from its own report page, from what the services return.
create table report_pdfs (
    inspection_id text not null,
    version integer not null check (version >= 1),
    corrections text not null,
    amendments integer not null check (amendments >= 0),
    sha256 text not null,
    content bytea not null,
    printed_at timestamptz not null,
    printed_by text not null,
    primary key (inspection_id, version),
    unique (inspection_id, corrections)
);

-- The audit trail records who printed which version and its digest, not the file.
insert into audit.redacted_columns (table_name, column_name) values ('report_pdfs', 'content') on conflict do nothing;
