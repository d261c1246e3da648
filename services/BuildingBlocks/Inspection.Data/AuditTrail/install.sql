-- The audit trail of every write to this database, recorded by triggers in the same transaction as the write, so
-- no write escapes it and a rolled-back write leaves no record. Re-run at every start-up: idempotent.
create schema if not exists audit;

create table if not exists audit.events (
    event_id    bigint generated always as identity primary key,
    occurred_at timestamptz not null default now(),
    actor       text not null,          -- user:<email>, service:<app id>, integrator:<client id>, or system:<db role>
    rpc         text,                   -- package.Service/Method of the call that wrote
    trace_id    text,                   -- W3C trace id of that call
    table_name  text not null,
    operation   text not null,          -- insert, update, delete, truncate
    row_count   integer not null default 1,
    before      jsonb,                  -- the row before (update, delete)
    after       jsonb                   -- the row after (insert, update)
);
create index if not exists events_by_time on audit.events (occurred_at, event_id);
create index if not exists events_by_actor on audit.events (actor, event_id);
create index if not exists events_by_trace on audit.events (trace_id) where trace_id is not null;

-- Tables written in bulk (a caseload of a million cases) are audited one event per statement with a row count.
create table if not exists audit.summarised_tables (table_name text primary key);

-- Columns never copied into the trail (secrets such as password hashes): the event says the row changed, not to what.
create table if not exists audit.redacted_columns (
    table_name  text not null,
    column_name text not null,
    primary key (table_name, column_name)
);

create or replace function audit.record_row() returns trigger language plpgsql as $$
declare
    hidden text[] := array(select column_name from audit.redacted_columns where table_name = tg_table_name);
begin
    insert into audit.events (actor, rpc, trace_id, table_name, operation, before, after)
    values (coalesce(nullif(current_setting('inspection.actor', true), ''), 'system:' || current_user),
            nullif(current_setting('inspection.rpc', true), ''),
            nullif(current_setting('inspection.trace_id', true), ''),
            tg_table_name, lower(tg_op),
            case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) - hidden end,
            case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) - hidden end);
    return null;
end $$;

create or replace function audit.record_statement() returns trigger language plpgsql as $$
declare
    affected integer;
begin
    if tg_op = 'TRUNCATE' then
        affected := 0;
    elsif tg_op = 'DELETE' then
        select count(*) into affected from old_rows;
    else
        select count(*) into affected from new_rows;
    end if;
    if affected > 0 or tg_op = 'TRUNCATE' then
        insert into audit.events (actor, rpc, trace_id, table_name, operation, row_count)
        values (coalesce(nullif(current_setting('inspection.actor', true), ''), 'system:' || current_user),
                nullif(current_setting('inspection.rpc', true), ''),
                nullif(current_setting('inspection.trace_id', true), ''),
                tg_table_name, lower(tg_op), affected);
    end if;
    return null;
end $$;

-- Append-only: the application may add to the trail, never change or remove it.
create or replace function audit.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only' using errcode = 'insufficient_privilege';
end $$;
create or replace trigger append_only before update or delete on audit.events
    for each row execute function audit.refuse_change();
create or replace trigger append_only_truncate before truncate on audit.events
    for each statement execute function audit.refuse_change();
