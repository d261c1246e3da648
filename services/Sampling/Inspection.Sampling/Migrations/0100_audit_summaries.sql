-- A caseload snapshot is written a million rows at a time and never changed: its audit events summarise each
-- statement (who, when, how many rows) instead of copying every case into the trail.
insert into audit.summarised_tables (table_name) values ('population_cases') on conflict do nothing;
