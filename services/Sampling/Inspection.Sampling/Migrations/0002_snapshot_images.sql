-- A complete snapshot's cases packed column by column into one value (SnapshotImage), written when the snapshot is
-- completed, so a host that has just started reads a million cases as one field instead of a million rows.
-- Derived from population_cases in the same transaction that seals the snapshot; it carries the snapshot's digest.
create table snapshot_images (
    snapshot_id uuid primary key references snapshots (snapshot_id),
    format      integer not null,
    image       bytea not null
);
-- Stored as it is: the image is mostly one-byte codes, and compressing 20 MB on write and read costs more than it saves.
alter table snapshot_images alter column image set storage external;

-- Audited one event per statement (who, when, how many rows), like the cases it is made from: copying a 20 MB
-- value into the trail would say nothing the population_cases rows do not.
insert into audit.summarised_tables (table_name) values ('snapshot_images') on conflict do nothing;
