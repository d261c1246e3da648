-- Puts the audit triggers on every table of the service (run after its migrations, so new tables are covered).
do $$
declare
    t record;
begin
    for t in
        select c.relname, exists (select 1 from audit.summarised_tables s where s.table_name = c.relname) as summarised
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition and c.relname <> 'schema_migrations'
    loop
        if t.summarised then
            execute format('drop trigger if exists audit_row on public.%I', t.relname);
            execute format('create or replace trigger audit_insert after insert on public.%I referencing new table as new_rows
                            for each statement execute function audit.record_statement()', t.relname);
            execute format('create or replace trigger audit_update after update on public.%I referencing old table as old_rows new table as new_rows
                            for each statement execute function audit.record_statement()', t.relname);
            execute format('create or replace trigger audit_delete after delete on public.%I referencing old table as old_rows
                            for each statement execute function audit.record_statement()', t.relname);
        else
            execute format('create or replace trigger audit_row after insert or update or delete on public.%I
                            for each row execute function audit.record_row()', t.relname);
        end if;
        execute format('create or replace trigger audit_truncate after truncate on public.%I
                        for each statement execute function audit.record_statement()', t.relname);
    end loop;
end $$;
