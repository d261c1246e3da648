-- Issue 24: the change log behind WatchChanges. Each change (an inspection published, a progress judgement recorded)
-- is a row written in the same transaction as the change itself, so it exists exactly when the change does, and any
-- replica streams it to its watchers from here (LISTEN/NOTIFY only wakes them).
--
-- Its sequence is taken from the one-row counter below, in the writing transaction and as its last step: updating
-- that row holds the row's lock until the transaction ends, so the next writer of a change waits for it and numbers
-- after it. Numbers are therefore given in commit order and without gaps (a rolled-back transaction gives its number
-- back): a watcher that has read up to N can never later find a committed N-1, and "increases by one" holds across
-- replicas and restarts. The price is that writers of changes (two RPCs) serialise for the few milliseconds from the
-- number to the commit.
create table change_log_head (
    only_row boolean primary key default true check (only_row),
    sequence bigint not null check (sequence >= 0)
);
insert into change_log_head (sequence) values (0);

create table change_log (
    sequence bigint primary key check (sequence > 0),
    type text not null check (type in ('inspection_published', 'progress_judgement_recorded')),
    occurred_at timestamptz not null,
    inspection_id uuid not null,
    provider_id uuid not null,
    recommendation_id uuid null,
    judgement_id uuid null,
    judgement text not null default '',
    published_on date null,
    improvement_plan_due date null,
    recorded_by text not null
);
-- Kept for a number of days (Changes:KeepDays) and then pruned oldest first.
create index change_log_occurred_at on change_log (occurred_at);
