-- Issue 22: a published fact of the inspection record itself (its publication date, its fieldwork dates) is put right
-- as a correction with its reason. The inspection row holds the corrected value; each correction is kept here, one row
-- per fact changed, with the value it replaced, so the report can say what was corrected, when and why.
create table inspection_corrections (
    correction_id uuid primary key,
    inspection_id uuid not null references inspections (inspection_id),
    field text not null check (field in ('published_on', 'fieldwork_start', 'fieldwork_end')),
    previous_value date,
    corrected_value date,
    reason text not null check (reason <> ''),
    corrected_by text not null,
    corrected_at timestamptz not null,
    -- The inspection's version the correction made.
    inspection_version bigint not null
);

create index inspection_corrections_by_inspection on inspection_corrections (inspection_id, corrected_at, correction_id);

-- Append-only: a correction of a correction is a new row, so the history is the record of what the report said.
create function inspection_corrections_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'inspection corrections are append-only: record a new correction instead';
end;
$$;

create trigger inspection_corrections_append_only before update or delete on inspection_corrections
    for each row execute function inspection_corrections_append_only();
