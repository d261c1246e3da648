-- Issue 19: only the current sample's active cases count. An assessment belongs to the sample its case was in when
-- it was assessed (case sampling's sample_id), so a substituted case's assessment or an earlier sample's is kept,
-- set aside, and never counted; a case drawn again in a new sample is assessed afresh beside its set-aside one.
-- Assessments stored before this migration belong to '' (unknown): they count while their case is active in the
-- current sample, and a new assessment of such a case takes the current sample's id.

ALTER TABLE key_question_answers DROP CONSTRAINT key_question_answers_inspection_id_case_reference_fkey;
ALTER TABLE prompt_answers DROP CONSTRAINT prompt_answers_inspection_id_case_reference_fkey;
ALTER TABLE case_attributes DROP CONSTRAINT case_attributes_inspection_id_case_reference_fkey;
ALTER TABLE moderation_flags DROP CONSTRAINT moderation_flags_inspection_id_case_reference_fkey;

ALTER TABLE case_assessments ADD COLUMN sample_id text NOT NULL DEFAULT '';
ALTER TABLE key_question_answers ADD COLUMN sample_id text NOT NULL DEFAULT '';
ALTER TABLE prompt_answers ADD COLUMN sample_id text NOT NULL DEFAULT '';
ALTER TABLE case_attributes ADD COLUMN sample_id text NOT NULL DEFAULT '';
ALTER TABLE moderation_flags ADD COLUMN sample_id text NOT NULL DEFAULT '';

ALTER TABLE case_assessments DROP CONSTRAINT case_assessments_pkey;
ALTER TABLE case_assessments ADD PRIMARY KEY (inspection_id, sample_id, case_reference);

ALTER TABLE key_question_answers DROP CONSTRAINT key_question_answers_pkey;
ALTER TABLE key_question_answers ADD PRIMARY KEY (inspection_id, sample_id, case_reference, question_id);
ALTER TABLE key_question_answers ADD FOREIGN KEY (inspection_id, sample_id, case_reference)
    REFERENCES case_assessments (inspection_id, sample_id, case_reference) ON DELETE CASCADE;

ALTER TABLE prompt_answers DROP CONSTRAINT prompt_answers_pkey;
ALTER TABLE prompt_answers ADD PRIMARY KEY (inspection_id, sample_id, case_reference, question_id);
ALTER TABLE prompt_answers ADD FOREIGN KEY (inspection_id, sample_id, case_reference)
    REFERENCES case_assessments (inspection_id, sample_id, case_reference) ON DELETE CASCADE;

ALTER TABLE case_attributes DROP CONSTRAINT case_attributes_pkey;
ALTER TABLE case_attributes ADD PRIMARY KEY (inspection_id, sample_id, case_reference, attribute);
ALTER TABLE case_attributes ADD FOREIGN KEY (inspection_id, sample_id, case_reference)
    REFERENCES case_assessments (inspection_id, sample_id, case_reference) ON DELETE CASCADE;

ALTER TABLE moderation_flags DROP CONSTRAINT moderation_flags_pkey;
ALTER TABLE moderation_flags ADD PRIMARY KEY (inspection_id, sample_id, case_reference, key_question_id);
ALTER TABLE moderation_flags ADD FOREIGN KEY (inspection_id, sample_id, case_reference)
    REFERENCES case_assessments (inspection_id, sample_id, case_reference) ON DELETE CASCADE;

-- The counting queries filter by the cases of one sample.
CREATE INDEX case_assessments_by_case ON case_assessments (inspection_id, case_reference);
