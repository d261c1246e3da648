-- Not idempotent on purpose: applied twice it would fail on the primary key.
insert into provider (provider_id, name, region) values ('p-1', 'Example PDU', 'Example region');
