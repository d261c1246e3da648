using Dapper;
using Inspection.Scoring.Domain.Assessments;
using Npgsql;

namespace Inspection.Scoring.Data;

/// <summary>
/// Case assessments: one head row per case per sample it was assessed in, and its answers one row per question (so
/// SQL does the counting), its case attributes and its moderation flags. Reads open their own connection; the write
/// runs in the caller's transaction.
/// </summary>
public sealed class CaseAssessmentStore(Database database)
{
    /// <summary>Stores the assessment over the case's assessment in the current sample (ABORTED when its version is not
    /// the one expected), in the caller's transaction, after the inspection is pinned.</summary>
    public static async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CaseAssessmentWrite write, CancellationToken ct)
    {
        write.Guard.RequireCorrection($"the assessment of case {write.CaseReference}");

        // The case's assessment in its current sample: one recorded against this sample, or one recorded before
        // assessments carried their sample (which this write moves to the current sample). Assessments of other
        // samples are set aside and stay as they are.
        var current = await connection.QueryFirstOrDefaultAsync<HeadRow>(new CommandDefinition(
            """
            SELECT sample_id, version FROM case_assessments
            WHERE inspection_id = @InspectionId AND case_reference = @CaseReference AND sample_id IN (@SampleId, '')
            ORDER BY sample_id DESC LIMIT 1
            FOR UPDATE
            """,
            write, transaction, cancellationToken: ct));
        if ((current?.Version ?? 0) != write.ExpectedVersion)
        {
            throw new ConcurrencyConflictException(current is null
                ? $"case {write.CaseReference} has no assessment in the current sample yet: expected_version must be 0, not {write.ExpectedVersion}"
                : $"case {write.CaseReference} is at version {current.Version}, not {write.ExpectedVersion}: someone else has recorded it since; read it again");
        }
        var version = write.ExpectedVersion + 1;
        var parameters = new
        {
            write.InspectionId,
            write.SampleId,
            storedSampleId = current?.SampleId ?? write.SampleId,
            write.CaseReference,
            version,
            write.StaffGrade,
            write.AssessedBy,
            RecordedAt = write.RecordedAt.UtcDateTime,
            expectedVersion = write.ExpectedVersion,
            write.Completeness.Applicable,
            write.Completeness.Unanswered,
        };
        // The answers go first: the head's key (its sample) may change under them.
        await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM key_question_answers WHERE inspection_id = @InspectionId AND sample_id = @storedSampleId AND case_reference = @CaseReference;
            DELETE FROM prompt_answers WHERE inspection_id = @InspectionId AND sample_id = @storedSampleId AND case_reference = @CaseReference;
            DELETE FROM case_attributes WHERE inspection_id = @InspectionId AND sample_id = @storedSampleId AND case_reference = @CaseReference;
            DELETE FROM moderation_flags WHERE inspection_id = @InspectionId AND sample_id = @storedSampleId AND case_reference = @CaseReference;
            """, parameters, transaction, cancellationToken: ct));
        var stored = await connection.ExecuteAsync(new CommandDefinition(
            current is null
                ? """
                  INSERT INTO case_assessments (inspection_id, sample_id, case_reference, version, staff_grade, assessed_by, recorded_at,
                                                questions_applicable, questions_unanswered)
                  VALUES (@InspectionId, @SampleId, @CaseReference, @version, @StaffGrade, @AssessedBy, @RecordedAt, @Applicable, @Unanswered)
                  ON CONFLICT DO NOTHING
                  """
                : """
                  UPDATE case_assessments SET sample_id = @SampleId, version = @version, staff_grade = @StaffGrade, assessed_by = @AssessedBy,
                         recorded_at = @RecordedAt, questions_applicable = @Applicable, questions_unanswered = @Unanswered
                  WHERE inspection_id = @InspectionId AND sample_id = @storedSampleId AND case_reference = @CaseReference AND version = @expectedVersion
                  """, parameters, transaction, cancellationToken: ct));
        if (stored != 1)
            throw new ConcurrencyConflictException($"case {write.CaseReference} was recorded by someone else at the same time; read it again");

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO key_question_answers (inspection_id, sample_id, case_reference, question_id, answer, note)
            SELECT @InspectionId, @SampleId, @CaseReference, q, a, n FROM unnest(@kqIds::text[], @kqAnswers::text[], @kqNotes::text[]) AS t(q, a, n);
            INSERT INTO prompt_answers (inspection_id, sample_id, case_reference, question_id, answer, note)
            SELECT @InspectionId, @SampleId, @CaseReference, q, a, n FROM unnest(@promptIds::text[], @promptAnswers::text[], @promptNotes::text[]) AS t(q, a, n);
            INSERT INTO case_attributes (inspection_id, sample_id, case_reference, attribute, value)
            SELECT @InspectionId, @SampleId, @CaseReference, a, v FROM unnest(@attributes::text[], @values::text[]) AS t(a, v);
            INSERT INTO moderation_flags (inspection_id, sample_id, case_reference, key_question_id, kind, description, raised_on)
            SELECT @InspectionId, @SampleId, @CaseReference, q, k, d, r
            FROM unnest(@flagQuestions::text[], @flagKinds::text[], @flagDescriptions::text[], @flagRaisedOn::text[]) AS t(q, k, d, r);
            """,
            new
            {
                write.InspectionId,
                write.SampleId,
                write.CaseReference,
                kqIds = write.KeyQuestionAnswers.Select(a => a.QuestionId).ToArray(),
                kqAnswers = write.KeyQuestionAnswers.Select(a => a.Answer.ToWord()).ToArray(),
                kqNotes = write.KeyQuestionAnswers.Select(a => a.Note).ToArray(),
                promptIds = write.PromptAnswers.Select(a => a.QuestionId).ToArray(),
                promptAnswers = write.PromptAnswers.Select(a => a.Answer.ToWord()).ToArray(),
                promptNotes = write.PromptAnswers.Select(a => a.Note).ToArray(),
                attributes = write.Attributes.Keys.ToArray(),
                values = write.Attributes.Values.ToArray(),
                flagQuestions = write.Flags.Select(f => f.KeyQuestionId).ToArray(),
                flagKinds = write.Flags.Select(f => f.Kind).ToArray(),
                flagDescriptions = write.Flags.Select(f => f.Description).ToArray(),
                flagRaisedOn = write.Flags.Select(f => f.RaisedOn).ToArray(),
            }, transaction, cancellationToken: ct));
        await CorrectionStore.InsertAsync(connection, transaction, write.Guard, ct);
    }

    /// <summary>The case's assessment as stored now in <paramref name="sampleId"/> (or stored before assessments
    /// carried their sample); without a sample, its newest assessment. Null when it has none.</summary>
    public async Task<StoredCaseAssessment?> FindAsync(string inspectionId, string caseReference, string? sampleId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        if (sampleId is null)
            return (await ListAsync(connection, inspectionId, caseReference, null, null, 1000, ct)).MaxBy(a => a.RecordedAt);
        return (await ListAsync(connection, inspectionId, caseReference, sampleId, null, 1, ct)).SingleOrDefault()
            ?? (await ListAsync(connection, inspectionId, caseReference, CurrentSample.UnknownSample, null, 1, ct)).SingleOrDefault();
    }

    /// <summary>Every assessment of the case in the inspection, one per sample it was assessed in, newest first.</summary>
    public async Task<IReadOnlyList<StoredCaseAssessment>> GetAllAsync(string inspectionId, string caseReference, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var all = await ListAsync(connection, inspectionId, caseReference, null, null, 1000, ct);
        return all.OrderByDescending(a => a.RecordedAt).ToList();
    }

    /// <summary>A page of assessments (those set aside included) in case-reference then sample order, after
    /// <paramref name="after"/> (the last case reference and sample of the previous page).</summary>
    public async Task<(IReadOnlyList<StoredCaseAssessment> Page, int Total)> ListAsync(
        string inspectionId, (string CaseReference, string SampleId)? after, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var page = await ListAsync(connection, inspectionId, null, null, after, limit, ct);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*)::int FROM case_assessments WHERE inspection_id = @inspectionId", new { inspectionId }, cancellationToken: ct));
        return (page, total);
    }

    private static async Task<IReadOnlyList<StoredCaseAssessment>> ListAsync(
        NpgsqlConnection connection, string inspectionId, string? caseReference, string? sampleId,
        (string CaseReference, string SampleId)? after, int limit, CancellationToken ct)
    {
        var heads = (await connection.QueryAsync<AssessmentRow>(new CommandDefinition(
            """
            SELECT inspection_id AS InspectionId, case_reference AS CaseReference, version AS Version, staff_grade AS StaffGrade,
                   assessed_by AS AssessedBy, recorded_at AS RecordedAt,
                   questions_applicable AS QuestionsApplicable, questions_unanswered AS QuestionsUnanswered, sample_id AS SampleId
            FROM case_assessments
            WHERE inspection_id = @inspectionId
              AND (@caseReference::text IS NULL OR case_reference = @caseReference)
              AND (@sampleId::text IS NULL OR sample_id = @sampleId)
              AND (@afterCase::text IS NULL OR (case_reference, sample_id) > (@afterCase, @afterSample))
            ORDER BY case_reference, sample_id
            LIMIT @limit
            """, new { inspectionId, caseReference, sampleId, afterCase = after?.CaseReference, afterSample = after?.SampleId ?? "", limit },
            cancellationToken: ct))).ToList();
        if (heads.Count == 0) return [];
        var references = heads.Select(h => h.CaseReference).Distinct().ToArray();
        var answers = (await connection.QueryAsync<AnswerRow>(new CommandDefinition(
            """
            SELECT case_reference AS CaseReference, sample_id AS SampleId, question_id AS QuestionId, answer AS Answer, note AS Note, 0 AS Kind
            FROM key_question_answers WHERE inspection_id = @inspectionId AND case_reference = ANY(@references)
            UNION ALL
            SELECT case_reference, sample_id, question_id, answer, note, 1
            FROM prompt_answers WHERE inspection_id = @inspectionId AND case_reference = ANY(@references)
            """, new { inspectionId, references }, cancellationToken: ct))).ToList();
        var flags = (await connection.QueryAsync<FlagRow>(new CommandDefinition(
            """
            SELECT case_reference AS CaseReference, sample_id AS SampleId, key_question_id AS KeyQuestionId, kind AS Kind, description AS Description,
                   raised_on AS RaisedOn
            FROM moderation_flags WHERE inspection_id = @inspectionId AND case_reference = ANY(@references)
            ORDER BY case_reference, key_question_id
            """, new { inspectionId, references }, cancellationToken: ct))).ToList();
        var answersByCase = answers.ToLookup(a => (a.CaseReference, a.SampleId));
        var flagsByCase = flags.ToLookup(f => (f.CaseReference, f.SampleId));
        return heads.Select(h => new StoredCaseAssessment(
            h.InspectionId, h.CaseReference, h.Version, h.StaffGrade, h.AssessedBy, StoredValues.Instant(h.RecordedAt),
            answersByCase[(h.CaseReference, h.SampleId)]
                .OrderBy(a => a.Kind).ThenBy(a => a.QuestionId, QuestionIdComparer.Instance)
                .Select(a => new QuestionAnswer(a.QuestionId, Parse(a.Answer), a.Note)).ToList(),
            flagsByCase[(h.CaseReference, h.SampleId)].Select(f => new ModerationFlag(f.CaseReference, f.KeyQuestionId, f.Kind, f.Description, f.RaisedOn)).ToList(),
            h.QuestionsApplicable, h.QuestionsUnanswered, h.SampleId)).ToList();
    }

    private static Answer Parse(string word) =>
        AnswerWords.TryParse(word, out var answer) ? answer : throw new InvalidOperationException($"stored answer '{word}' is not an answer word");

    private sealed record AssessmentRow(
        string InspectionId, string CaseReference, long Version, string StaffGrade, string AssessedBy, DateTime RecordedAt,
        int? QuestionsApplicable, int? QuestionsUnanswered, string SampleId);

    private sealed record HeadRow(string SampleId, long Version);

    private sealed record FlagRow(string CaseReference, string SampleId, string KeyQuestionId, string Kind, string Description, string RaisedOn);

    private sealed record AnswerRow(string CaseReference, string SampleId, string QuestionId, string Answer, string Note, int Kind);
}
