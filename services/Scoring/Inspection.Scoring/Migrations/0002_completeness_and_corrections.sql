-- Issue 14: a case assessment is complete only when every question that can apply to the case is answered; and a
-- published inspection's ratings change only as corrections with a reason, which the report shows.

-- Kept at write time from the framework and the case's attributes. NULL for assessments stored before this
-- migration: they count as in progress until saved again.
ALTER TABLE case_assessments
    ADD COLUMN questions_applicable int CHECK (questions_applicable >= 0),
    ADD COLUMN questions_unanswered int CHECK (questions_unanswered >= 0 AND questions_unanswered <= questions_applicable);

-- One row per change made after publication, in the same transaction as the change itself. Append-only.
CREATE TABLE corrections (
    correction_id bigserial   PRIMARY KEY,
    inspection_id text        NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('case_assessment', 'panel_departure', 'published_results')),
    subject       text        NOT NULL,
    reason        text        NOT NULL CHECK (length(btrim(reason)) > 0),
    recorded_by   text        NOT NULL DEFAULT '',
    recorded_at   timestamptz NOT NULL
);
CREATE INDEX corrections_by_inspection ON corrections (inspection_id, correction_id);

CREATE FUNCTION corrections_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'corrections are append-only: % is refused', TG_OP;
END;
$$;
CREATE TRIGGER corrections_append_only BEFORE UPDATE OR DELETE ON corrections
    FOR EACH ROW EXECUTE FUNCTION corrections_append_only();
