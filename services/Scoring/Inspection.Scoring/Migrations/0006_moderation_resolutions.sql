-- Issue 22: moderation that counts. A lead inspector resolves each moderation flag, "answer kept" (with a note) or
-- "answer changed" (the case's assessment recorded with the key question's answer changed, the contradiction gone);
-- unresolved flags block publication.

-- The answers a flag was raised on (the key question's and its prompts'), kept at write time: a flag resolved as
-- kept stays resolved while they are the same. '' for flags stored before this migration (still the same answers
-- until the assessment is saved again, which writes them).
ALTER TABLE moderation_flags ADD COLUMN raised_on text NOT NULL DEFAULT '';

-- One row per resolution, who, when and why; append-only, the latest of a flag is the one that stands.
CREATE TABLE moderation_resolutions (
    seq             bigserial   PRIMARY KEY,
    resolution_id   uuid        NOT NULL UNIQUE,
    inspection_id   text        NOT NULL,
    sample_id       text        NOT NULL,
    case_reference  text        NOT NULL,
    key_question_id text        NOT NULL,
    -- The flag as it was when resolved.
    kind            text        NOT NULL,
    description     text        NOT NULL,
    raised_on       text        NOT NULL,
    resolution      text        NOT NULL CHECK (resolution IN ('answer_kept', 'answer_changed')),
    note            text        NOT NULL CHECK (length(btrim(note)) > 0),
    resolved_by     text        NOT NULL,
    resolved_at     timestamptz NOT NULL
);
CREATE INDEX moderation_resolutions_by_flag ON moderation_resolutions (inspection_id, case_reference, key_question_id, seq);

CREATE FUNCTION moderation_resolutions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'moderation resolutions are append-only: % is refused', TG_OP;
END;
$$;
CREATE TRIGGER moderation_resolutions_append_only BEFORE UPDATE OR DELETE ON moderation_resolutions
    FOR EACH ROW EXECUTE FUNCTION moderation_resolutions_append_only();
