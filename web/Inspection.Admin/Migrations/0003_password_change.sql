-- An account given a password by someone else (the first administrator's initial password, an administrator adding
-- an account or resetting its password) must choose its own at its next sign-in.
alter table accounts add column must_change_password boolean not null default false;
