-- Assessment scoring: case assessments (one row per question per case, so SQL counts k and n), published results
-- of inspections before the system, panel departures, and the framework version each inspection is pinned to.

CREATE TABLE framework_versions (
    framework_id  text        NOT NULL,
    version       text        NOT NULL,   -- SHA-256 of the definition
    definition    text        NOT NULL,   -- the framework as used, applicability merged in
    first_used_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (framework_id, version)
);

-- An inspection is pinned to a framework version by its first write, and holds either case assessments or
-- published results, never both.
CREATE TABLE inspections (
    inspection_id     text        PRIMARY KEY,
    framework_id      text        NOT NULL,
    framework_version text        NOT NULL,
    source            text        NOT NULL CHECK (source IN ('case_assessments', 'published')),
    pinned_at         timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (framework_id, framework_version) REFERENCES framework_versions (framework_id, version)
);
CREATE INDEX inspections_by_framework ON inspections (framework_id, source);

CREATE TABLE case_assessments (
    inspection_id  text        NOT NULL REFERENCES inspections (inspection_id),
    case_reference text        NOT NULL,
    version        bigint      NOT NULL CHECK (version > 0),
    staff_grade    text        NOT NULL DEFAULT '',
    assessed_by    text        NOT NULL DEFAULT '',
    recorded_at    timestamptz NOT NULL,
    PRIMARY KEY (inspection_id, case_reference)
);

CREATE TABLE key_question_answers (
    inspection_id  text NOT NULL,
    case_reference text NOT NULL,
    question_id    text NOT NULL,
    answer         text NOT NULL CHECK (answer IN ('Yes', 'No', 'Not applicable')),
    note           text NOT NULL DEFAULT '',
    PRIMARY KEY (inspection_id, case_reference, question_id),
    FOREIGN KEY (inspection_id, case_reference) REFERENCES case_assessments (inspection_id, case_reference) ON DELETE CASCADE
);

CREATE TABLE prompt_answers (
    inspection_id  text NOT NULL,
    case_reference text NOT NULL,
    question_id    text NOT NULL,
    answer         text NOT NULL CHECK (answer IN ('Yes', 'No', 'Not applicable')),
    note           text NOT NULL DEFAULT '',
    PRIMARY KEY (inspection_id, case_reference, question_id),
    FOREIGN KEY (inspection_id, case_reference) REFERENCES case_assessments (inspection_id, case_reference) ON DELETE CASCADE
);

-- The case's attributes from the sample when it was assessed (and the staff grade), for breakdowns.
CREATE TABLE case_attributes (
    inspection_id  text NOT NULL,
    case_reference text NOT NULL,
    attribute      text NOT NULL,
    value          text NOT NULL,
    PRIMARY KEY (inspection_id, case_reference, attribute),
    FOREIGN KEY (inspection_id, case_reference) REFERENCES case_assessments (inspection_id, case_reference) ON DELETE CASCADE
);

CREATE TABLE moderation_flags (
    inspection_id   text NOT NULL,
    case_reference  text NOT NULL,
    key_question_id text NOT NULL,
    kind            text NOT NULL,
    description     text NOT NULL,
    PRIMARY KEY (inspection_id, case_reference, key_question_id),
    FOREIGN KEY (inspection_id, case_reference) REFERENCES case_assessments (inspection_id, case_reference) ON DELETE CASCADE
);

CREATE TABLE panel_departures (
    inspection_id text        NOT NULL REFERENCES inspections (inspection_id),
    standard_id   text        NOT NULL,
    rating        text        NOT NULL,
    rationale     text        NOT NULL CHECK (rationale <> ''),
    agreed_by     text        NOT NULL CHECK (agreed_by <> ''),
    recorded_at   timestamptz NOT NULL,
    PRIMARY KEY (inspection_id, standard_id)
);

CREATE TABLE published_results (
    inspection_id           text             PRIMARY KEY REFERENCES inspections (inspection_id),
    risk_of_harm_thread_pct double precision,
    source                  text             NOT NULL DEFAULT '',
    recorded_by             text             NOT NULL DEFAULT '',
    recorded_at             timestamptz      NOT NULL
);

CREATE TABLE published_figures (
    inspection_id text NOT NULL REFERENCES published_results (inspection_id) ON DELETE CASCADE,
    kind          text NOT NULL CHECK (kind IN ('key_question', 'prompt')),
    question_id   text NOT NULL,
    pct           integer NOT NULL CHECK (pct BETWEEN 0 AND 100),
    n             integer,
    k             integer,
    position      integer NOT NULL,
    PRIMARY KEY (inspection_id, kind, question_id)
);

CREATE TABLE published_ratings (
    inspection_id text NOT NULL REFERENCES published_results (inspection_id) ON DELETE CASCADE,
    standard_id   text NOT NULL,
    rating        text NOT NULL,
    note          text NOT NULL DEFAULT '',
    position      integer NOT NULL,
    PRIMARY KEY (inspection_id, standard_id)
);

CREATE TABLE published_criteria (
    inspection_id text             NOT NULL REFERENCES published_results (inspection_id) ON DELETE CASCADE,
    criterion_id  text             NOT NULL,
    pct           double precision NOT NULL,
    position      integer          NOT NULL,
    PRIMARY KEY (inspection_id, criterion_id)
);

CREATE TABLE published_grades (
    inspection_id text    NOT NULL REFERENCES published_results (inspection_id) ON DELETE CASCADE,
    criterion_id  text    NOT NULL,
    grade         text    NOT NULL,
    position      integer NOT NULL,
    PRIMARY KEY (inspection_id, criterion_id)
);

-- Writes by client request id: a retry with the same id and content returns the first result.
CREATE TABLE applied_requests (
    request_id    text        PRIMARY KEY,
    operation     text        NOT NULL,
    request_hash  text        NOT NULL,
    inspection_id text        NOT NULL,
    target        text        NOT NULL DEFAULT '',
    applied_at    timestamptz NOT NULL DEFAULT now()
);
