-- Issue 22: a mistaken caseload snapshot is withdrawn, not deleted: kept in history with why and by whom, left out of
-- lists and never drawn from. Apart from status (importing | complete), which says how far its import got.
alter table snapshots
    add column withdrawn_at timestamptz null,
    add column withdrawn_by text not null default '',
    add column withdrawn_reason text not null default '',
    add check ((withdrawn_at is null) = (withdrawn_reason = ''));
