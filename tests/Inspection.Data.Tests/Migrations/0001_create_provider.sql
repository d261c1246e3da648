create table provider (
    provider_id text primary key,
    name text not null
);
