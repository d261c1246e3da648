-- The request ledger: one row per write request carried out, claimed and recorded in the write's own transaction, so a
-- retry with the same request id gets the first answer (found through result) and writes nothing. Installed in every
-- service database before the service's own migrations (which may move an older log into it). Re-run at every
-- start-up: idempotent.
create table if not exists request_ledger (
    request_id  text        primary key,
    -- What the request did (its command's name) and a SHA-256 of its content: the same id with another request is refused.
    operation   text        not null,
    fingerprint text        not null,
    -- What the service needs to give the first answer again: a reference to what the write made (ids, versions of
    -- history rows that never change), or the answer itself when what it made changes in place.
    result      jsonb       not null,
    recorded_at timestamptz not null default now()
);
