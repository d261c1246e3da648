-- Issue 19: a published inspection's figures are stored at publication and read back as published. Each version
-- holds every rating, score, key-question and prompt figure as the service returned them (the contract's messages
-- as protobuf JSON: the contract only ever adds fields, so a stored version always reads back), with the framework
-- version and the method version that computed them. Version 1 is the publication (or, for an inspection published
-- before figures were stored, what the computation gave when they were first stored); each correction adds one.
-- Version 1 may be replaced only while the inspection is not yet published (a publication that did not complete);
-- the service checks that with recommendation tracking. Later versions are never changed.
CREATE TABLE published_versions (
    inspection_id     text        NOT NULL REFERENCES inspections (inspection_id),
    version           int         NOT NULL CHECK (version > 0),
    kind              text        NOT NULL CHECK (kind IN ('publication', 'correction', 'backfill')),
    reason            text        NOT NULL DEFAULT '',
    recorded_by       text        NOT NULL DEFAULT '',
    recorded_at       timestamptz NOT NULL,
    published_on      text        NOT NULL DEFAULT '',
    framework_id      text        NOT NULL,
    framework_version text        NOT NULL,
    method_version    text        NOT NULL,
    ratings           jsonb       NOT NULL,
    prompts           jsonb       NOT NULL,
    PRIMARY KEY (inspection_id, version),
    CHECK (kind <> 'correction' OR length(btrim(reason)) > 0)
);

-- A correction of the published figures is listed with the other corrections (the report shows it as amended).
ALTER TABLE corrections DROP CONSTRAINT corrections_kind_check;
ALTER TABLE corrections ADD CONSTRAINT corrections_kind_check
    CHECK (kind IN ('case_assessment', 'panel_departure', 'published_results', 'published_figures'));
