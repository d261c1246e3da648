-- Issue 22, keeping providers: a provider is retired, not deleted (its inspections, recommendations and lineage refer
-- to it). Retired is a state of its own, apart from active_to: a provider that closed on a date was real and stays
-- listed; a retired one (a mistaken or test entry, or one no longer used) is hidden from lists and pickers.
alter table providers
    add column retired_at timestamptz null,
    add column retired_by text not null default '',
    add column retired_reason text not null default '',
    add check ((retired_at is null) = (retired_reason = ''));
