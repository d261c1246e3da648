using Dapper;
using Inspection.Data;
using Inspection.Domain;
using Inspection.Scoring.Domain.Assessments;
using Inspection.Scoring.Domain.Breakdowns;
using Inspection.Scoring.Domain.Frameworks;
using Inspection.Scoring.Domain.Ratings;
using Npgsql;

namespace Inspection.Scoring.Data;

/// <summary>
/// Every SQL statement of the scoring service. Answers are stored one row per question per case so that PostgreSQL
/// does the counting (k and n per key question with GROUP BY); multi-row writes run in one transaction.
/// </summary>
public sealed class ScoringStore(Database database)
{
    private const string YesNoCounts =
        "count(*) FILTER (WHERE answer = 'Yes')::int AS yes, count(*) FILTER (WHERE answer <> 'Not applicable')::int AS applicable";

    // ---------------------------------------------------------------- inspections and framework versions

    public async Task<PinnedInspection?> GetInspectionAsync(string inspectionId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await GetInspectionAsync(connection, null, inspectionId, ct);
    }

    private static Task<PinnedInspection?> GetInspectionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string inspectionId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<PinnedInspection>(new CommandDefinition(
            """
            SELECT i.inspection_id AS InspectionId, i.framework_id AS FrameworkId, i.framework_version AS FrameworkVersion,
                   i.source AS Source, v.definition AS Definition
            FROM inspections i
            JOIN framework_versions v ON v.framework_id = i.framework_id AND v.version = i.framework_version
            WHERE i.inspection_id = @inspectionId
            """, new { inspectionId }, transaction, cancellationToken: ct));

    /// <summary>Pins the inspection to the framework version on its first write; later writes keep the first pin.
    /// Refuses a write of the other kind (case answers for a published inspection, or the reverse).</summary>
    private static async Task<PinnedInspection> PinAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string inspectionId, Framework framework, string source, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO framework_versions (framework_id, version, definition) VALUES (@Id, @Version, @DefinitionJson)
            ON CONFLICT DO NOTHING;
            INSERT INTO inspections (inspection_id, framework_id, framework_version, source) VALUES (@inspectionId, @Id, @Version, @source)
            ON CONFLICT DO NOTHING;
            """, new { framework.Id, framework.Version, framework.DefinitionJson, inspectionId, source }, transaction, cancellationToken: ct));
        var pinned = (await GetInspectionAsync(connection, transaction, inspectionId, ct))!;
        if (pinned.Source != source)
        {
            throw new PreconditionFailedException(pinned.Source == PinnedInspection.Published
                ? $"inspection {inspectionId} is recorded from its published results; it takes no case-level data"
                : $"inspection {inspectionId} has case assessments; its ratings are computed from them, not recorded as published");
        }
        return pinned;
    }

    // ---------------------------------------------------------------- requests

    /// <summary>Claims a request id inside the write's transaction. True when it was already applied with the same
    /// content (the caller replays the stored result); a different content is refused.</summary>
    private static async Task<bool> AlreadyAppliedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, RequestKey request, string operation, string inspectionId, string target, CancellationToken ct)
    {
        if (!request.IsPresent) return false;
        var claimed = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO applied_requests (request_id, operation, request_hash, inspection_id, target)
            VALUES (@Id, @operation, @Hash, @inspectionId, @target) ON CONFLICT (request_id) DO NOTHING
            """, new { request.Id, request.Hash, operation, inspectionId, target }, transaction, cancellationToken: ct));
        if (claimed == 1) return false;
        var applied = await connection.QuerySingleAsync<(string Operation, string Hash)>(new CommandDefinition(
            "SELECT operation, request_hash FROM applied_requests WHERE request_id = @Id", new { request.Id }, transaction, cancellationToken: ct));
        if (applied.Operation == operation && applied.Hash == request.Hash) return true;
        throw new AlreadyExistsException($"request_id '{request.Id}' was already used for a different request");
    }

    // ---------------------------------------------------------------- case assessments

    public Task<StoredCaseAssessment> RecordCaseAssessmentAsync(CaseAssessmentWrite write, Framework framework, CancellationToken ct) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            await PinAsync(connection, transaction, write.InspectionId, framework, PinnedInspection.CaseAssessments, ct);
            if (await AlreadyAppliedAsync(connection, transaction, write.Request, "RecordCaseAssessment", write.InspectionId, write.CaseReference, ct))
                return (await ReplayedAssessmentAsync(connection, transaction, write, ct))!;
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
                INSERT INTO moderation_flags (inspection_id, sample_id, case_reference, key_question_id, kind, description)
                SELECT @InspectionId, @SampleId, @CaseReference, q, k, d FROM unnest(@flagQuestions::text[], @flagKinds::text[], @flagDescriptions::text[]) AS t(q, k, d);
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
                }, transaction, cancellationToken: ct));
            await InsertCorrectionAsync(connection, transaction, write.Guard, ct);
            return (await ListCaseAssessmentsAsync(connection, transaction, write.InspectionId, write.CaseReference, write.SampleId, null, 1, ct)).Single();
        }, ct);

    /// <summary>A retried write returns the assessment as stored now in the sample it was written to.</summary>
    private static async Task<StoredCaseAssessment?> ReplayedAssessmentAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CaseAssessmentWrite write, CancellationToken ct) =>
        (await ListCaseAssessmentsAsync(connection, transaction, write.InspectionId, write.CaseReference, write.SampleId, null, 1, ct)).SingleOrDefault()
        ?? (await ListCaseAssessmentsAsync(connection, transaction, write.InspectionId, write.CaseReference, CurrentSample.UnknownSample, null, 1, ct)).SingleOrDefault();

    /// <summary>Every assessment of the case in the inspection, one per sample it was assessed in, newest first.</summary>
    public async Task<IReadOnlyList<StoredCaseAssessment>> GetCaseAssessmentsAsync(string inspectionId, string caseReference, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var all = await ListCaseAssessmentsAsync(connection, null, inspectionId, caseReference, null, null, 1000, ct);
        return all.OrderByDescending(a => a.RecordedAt).ToList();
    }

    /// <summary>A page of assessments (those set aside included) in case-reference then sample order, after
    /// <paramref name="after"/> (the last case reference and sample of the previous page).</summary>
    public async Task<(IReadOnlyList<StoredCaseAssessment> Page, int Total)> ListCaseAssessmentsAsync(
        string inspectionId, (string CaseReference, string SampleId)? after, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var page = await ListCaseAssessmentsAsync(connection, null, inspectionId, null, null, after, limit, ct);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*)::int FROM case_assessments WHERE inspection_id = @inspectionId", new { inspectionId }, cancellationToken: ct));
        return (page, total);
    }

    private static async Task<IReadOnlyList<StoredCaseAssessment>> ListCaseAssessmentsAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string inspectionId, string? caseReference, string? sampleId,
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
            transaction, cancellationToken: ct))).ToList();
        if (heads.Count == 0) return [];
        var references = heads.Select(h => h.CaseReference).Distinct().ToArray();
        var answers = (await connection.QueryAsync<AnswerRow>(new CommandDefinition(
            """
            SELECT case_reference AS CaseReference, sample_id AS SampleId, question_id AS QuestionId, answer AS Answer, note AS Note, 0 AS Kind
            FROM key_question_answers WHERE inspection_id = @inspectionId AND case_reference = ANY(@references)
            UNION ALL
            SELECT case_reference, sample_id, question_id, answer, note, 1
            FROM prompt_answers WHERE inspection_id = @inspectionId AND case_reference = ANY(@references)
            """, new { inspectionId, references }, transaction, cancellationToken: ct))).ToList();
        var flags = (await connection.QueryAsync<FlagRow>(new CommandDefinition(
            """
            SELECT case_reference AS CaseReference, sample_id AS SampleId, key_question_id AS KeyQuestionId, kind AS Kind, description AS Description
            FROM moderation_flags WHERE inspection_id = @inspectionId AND case_reference = ANY(@references)
            ORDER BY case_reference, key_question_id
            """, new { inspectionId, references }, transaction, cancellationToken: ct))).ToList();
        var answersByCase = answers.ToLookup(a => (a.CaseReference, a.SampleId));
        var flagsByCase = flags.ToLookup(f => (f.CaseReference, f.SampleId));
        return heads.Select(h => new StoredCaseAssessment(
            h.InspectionId, h.CaseReference, h.Version, h.StaffGrade, h.AssessedBy, new DateTimeOffset(DateTime.SpecifyKind(h.RecordedAt, DateTimeKind.Utc)),
            answersByCase[(h.CaseReference, h.SampleId)]
                .OrderBy(a => a.Kind).ThenBy(a => a.QuestionId, QuestionIdComparer.Instance)
                .Select(a => new QuestionAnswer(a.QuestionId, Parse(a.Answer), a.Note)).ToList(),
            flagsByCase[(h.CaseReference, h.SampleId)].Select(f => new ModerationFlag(f.CaseReference, f.KeyQuestionId, f.Kind, f.Description)).ToList(),
            h.QuestionsApplicable, h.QuestionsUnanswered, h.SampleId)).ToList();
    }

    /// <summary>The flags of the assessments that count (the current sample's active cases).</summary>
    public async Task<IReadOnlyList<ModerationFlag>> ListModerationFlagsAsync(string inspectionId, CurrentSample? current, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var flags = await connection.QueryAsync<ModerationFlag>(new CommandDefinition(
            $"""
            SELECT case_reference AS CaseReference, key_question_id AS KeyQuestionId, kind AS Kind, description AS Description
            FROM moderation_flags a WHERE a.inspection_id = @inspectionId AND {Counted}
            ORDER BY case_reference, key_question_id
            """, Parameters(inspectionId, current), cancellationToken: ct));
        return flags.ToList();
    }

    // ---------------------------------------------------------------- counting

    /// <summary>The rows that count (issue 19): the case is an active case of the current sample and the answer was
    /// recorded against that sample (or before answers carried their sample). Every count below uses it, with
    /// <see cref="Parameters"/>; <see cref="CurrentSample.Counts"/> is the same rule in the domain.</summary>
    private const string Counted = "a.sample_id IN (@sampleId, '') AND a.case_reference = ANY(@active)";

    private static DynamicParameters Parameters(string inspectionId, CurrentSample? current, object? more = null)
    {
        var parameters = new DynamicParameters(more);
        parameters.Add("inspectionId", inspectionId);
        // Without a current sample no case counts: an empty list matches nothing.
        parameters.Add("sampleId", current?.SampleId ?? "");
        parameters.Add("active", current?.ActiveReferences.ToArray() ?? []);
        return parameters;
    }

    /// <summary>k and n per key question over the current sample's active cases, the panel departures, how many of
    /// those cases are assessed (and which completely), and how many assessments are set aside, in one round trip.</summary>
    public async Task<RatingCounts> GetRatingCountsAsync(string inspectionId, CurrentSample? current, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        using var grid = await connection.QueryMultipleAsync(new CommandDefinition(
            $"""
            SELECT question_id AS QuestionId, {YesNoCounts} FROM key_question_answers a WHERE a.inspection_id = @inspectionId AND {Counted} GROUP BY question_id;
            SELECT standard_id AS StandardId, rating AS Rating, rationale AS Rationale, agreed_by AS AgreedBy, recorded_at AS RecordedAt
            FROM panel_departures WHERE inspection_id = @inspectionId;
            SELECT count(*)::int FROM case_assessments a WHERE a.inspection_id = @inspectionId;
            SELECT case_reference, coalesce(questions_unanswered = 0, false) FROM case_assessments a WHERE a.inspection_id = @inspectionId AND {Counted};
            """, Parameters(inspectionId, current), cancellationToken: ct));
        var counts = (await grid.ReadAsync<CountRow>()).ToDictionary(r => r.QuestionId, r => new YesCount(r.Yes, r.Applicable), StringComparer.Ordinal);
        var departures = (await grid.ReadAsync<DepartureRow>()).ToDictionary(r => r.StandardId, r => r.ToDomain(), StringComparer.Ordinal);
        var all = await grid.ReadSingleAsync<int>();
        var complete = (await grid.ReadAsync<(string CaseReference, bool Complete)>()).ToDictionary(r => r.CaseReference, r => r.Complete, StringComparer.Ordinal);
        return new RatingCounts(counts, departures, complete.Count, complete, all - complete.Count);
    }

    public async Task<IReadOnlyDictionary<string, YesCount>> CountPromptAnswersAsync(string inspectionId, CurrentSample? current, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<CountRow>(new CommandDefinition(
            $"SELECT question_id AS QuestionId, {YesNoCounts} FROM prompt_answers a WHERE a.inspection_id = @inspectionId AND {Counted} GROUP BY question_id",
            Parameters(inspectionId, current), cancellationToken: ct));
        return rows.ToDictionary(r => r.QuestionId, r => new YesCount(r.Yes, r.Applicable), StringComparer.Ordinal);
    }

    /// <summary>k and n per key question per value of a case attribute (cases without the attribute count under ""),
    /// over the current sample's active cases.</summary>
    public async Task<IReadOnlyList<GroupCount>> CountByAttributeAsync(string inspectionId, string attribute, CurrentSample? current, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<GroupRow>(new CommandDefinition(
            $"""
            SELECT a.question_id AS QuestionId, coalesce(c.value, '') AS Value, {YesNoCounts.Replace("answer", "a.answer")}
            FROM key_question_answers a
            LEFT JOIN case_attributes c
              ON c.inspection_id = a.inspection_id AND c.sample_id = a.sample_id AND c.case_reference = a.case_reference AND c.attribute = @attribute
            WHERE a.inspection_id = @inspectionId AND {Counted}
            GROUP BY a.question_id, coalesce(c.value, '')
            """, Parameters(inspectionId, current, new { attribute }), cancellationToken: ct));
        return rows.Select(r => new GroupCount(r.QuestionId, r.Value, new YesCount(r.Yes, r.Applicable))).ToList();
    }

    /// <summary>The case-assessed inspections of a framework that have any assessment.</summary>
    public async Task<IReadOnlyList<string>> ListCaseAssessedInspectionsAsync(string frameworkId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT i.inspection_id FROM inspections i
            WHERE i.framework_id = @frameworkId AND i.source = 'case_assessments'
              AND EXISTS (SELECT 1 FROM case_assessments a WHERE a.inspection_id = i.inspection_id)
            ORDER BY i.inspection_id
            """, new { frameworkId }, cancellationToken: ct));
        return ids.ToList();
    }

    /// <summary>Per case-assessed inspection of the framework: its pinned version and k and n per key question, over
    /// each inspection's current sample's active cases (<paramref name="samples"/>; an inspection without one counts nothing).</summary>
    public async Task<IReadOnlyList<(string InspectionId, string Version, IReadOnlyDictionary<string, YesCount> Counts)>> CountKeyQuestionsByInspectionAsync(
        string frameworkId, IReadOnlyDictionary<string, CurrentSample> samples, CancellationToken ct)
    {
        var counted = samples.SelectMany(s => s.Value.ActiveReferences.Select(c => (Inspection: s.Key, Sample: s.Value.SampleId, Case: c))).ToList();
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<InspectionCountRow>(new CommandDefinition(
            $"""
            WITH counted (inspection_id, sample_id, case_reference) AS (
                SELECT * FROM unnest(@inspections::text[], @sampleIds::text[], @cases::text[])
            )
            SELECT a.inspection_id AS InspectionId, i.framework_version AS Version, a.question_id AS QuestionId, {YesNoCounts.Replace("answer", "a.answer")}
            FROM key_question_answers a
            JOIN counted s ON s.inspection_id = a.inspection_id AND s.case_reference = a.case_reference AND a.sample_id IN (s.sample_id, '')
            JOIN inspections i ON i.inspection_id = a.inspection_id
            WHERE i.framework_id = @frameworkId AND i.source = 'case_assessments'
            GROUP BY a.inspection_id, i.framework_version, a.question_id
            """, new
            {
                frameworkId,
                inspections = counted.Select(c => c.Inspection).ToArray(),
                sampleIds = counted.Select(c => c.Sample).ToArray(),
                cases = counted.Select(c => c.Case).ToArray(),
            }, cancellationToken: ct, flags: CommandFlags.None));
        return rows.GroupBy(r => (r.InspectionId, r.Version))
            .Select(g => (g.Key.InspectionId, g.Key.Version,
                (IReadOnlyDictionary<string, YesCount>)g.ToDictionary(r => r.QuestionId, r => new YesCount(r.Yes, r.Applicable), StringComparer.Ordinal)))
            .ToList();
    }

    public async Task<string?> GetFrameworkDefinitionAsync(string frameworkId, string version, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT definition FROM framework_versions WHERE framework_id = @frameworkId AND version = @version",
            new { frameworkId, version }, cancellationToken: ct));
    }

    // ---------------------------------------------------------------- panel departures

    public Task<PanelDeparture> RecordPanelDepartureAsync(
        string inspectionId, Framework framework, PanelDeparture departure, RequestKey request, PublicationGuard guard, CancellationToken ct) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            await PinAsync(connection, transaction, inspectionId, framework, PinnedInspection.CaseAssessments, ct);
            if (!await AlreadyAppliedAsync(connection, transaction, request, "RecordPanelDeparture", inspectionId, departure.StandardId, ct))
            {
                guard.RequireCorrection($"the rating of standard {departure.StandardId}");
                await InsertCorrectionAsync(connection, transaction, guard, ct);
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO panel_departures (inspection_id, standard_id, rating, rationale, agreed_by, recorded_at)
                    VALUES (@inspectionId, @StandardId, @Rating, @Rationale, @AgreedBy, @recordedAt)
                    ON CONFLICT (inspection_id, standard_id) DO UPDATE
                    SET rating = excluded.rating, rationale = excluded.rationale, agreed_by = excluded.agreed_by, recorded_at = excluded.recorded_at
                    """,
                    new { inspectionId, departure.StandardId, departure.Rating, departure.Rationale, departure.AgreedBy, recordedAt = departure.RecordedAt.UtcDateTime },
                    transaction, cancellationToken: ct));
            }
            var row = await connection.QuerySingleAsync<DepartureRow>(new CommandDefinition(
                """
                SELECT standard_id AS StandardId, rating AS Rating, rationale AS Rationale, agreed_by AS AgreedBy, recorded_at AS RecordedAt
                FROM panel_departures WHERE inspection_id = @inspectionId AND standard_id = @StandardId
                """, new { inspectionId, departure.StandardId }, transaction, cancellationToken: ct));
            return row.ToDomain();
        }, ct);

    // ---------------------------------------------------------------- published results

    public Task<StoredPublishedResults> RecordPublishedResultsAsync(
        string inspectionId, Framework framework, PublishedResults results, string source, string recordedBy, DateTimeOffset recordedAt, RequestKey request,
        PublicationGuard guard, CancellationToken ct) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            await PinAsync(connection, transaction, inspectionId, framework, PinnedInspection.Published, ct);
            if (!await AlreadyAppliedAsync(connection, transaction, request, "RecordPublishedResults", inspectionId, "", ct))
            {
                // Transcribing a report published before the system is its first recording; replacing it is a change.
                var existing = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                    "SELECT EXISTS (SELECT 1 FROM published_results WHERE inspection_id = @inspectionId)", new { inspectionId }, transaction, cancellationToken: ct));
                if (existing) guard.RequireCorrection("its published results");
                await InsertCorrectionAsync(connection, transaction, guard, ct);
                var figures = results.KeyQuestions.Select((f, i) => (Kind: "key_question", f.Key, f.Value, i))
                    .Concat(results.Prompts.Select((f, i) => (Kind: "prompt", f.Key, f.Value, i)))
                    .ToList();
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    DELETE FROM published_results WHERE inspection_id = @inspectionId;
                    INSERT INTO published_results (inspection_id, risk_of_harm_thread_pct, source, recorded_by, recorded_at)
                    VALUES (@inspectionId, @thread, @source, @recordedBy, @recordedAt);
                    INSERT INTO published_figures (inspection_id, kind, question_id, pct, n, k, position)
                    SELECT @inspectionId, kind, q, p, n, k, pos
                    FROM unnest(@kinds::text[], @questions::text[], @pcts::int[], @ns::int[], @ks::int[], @positions::int[]) AS t(kind, q, p, n, k, pos);
                    INSERT INTO published_ratings (inspection_id, standard_id, rating, note, position)
                    SELECT @inspectionId, s, r, n, pos FROM unnest(@standards::text[], @ratings::text[], @notes::text[], @ratingPositions::int[]) AS t(s, r, n, pos);
                    INSERT INTO published_criteria (inspection_id, criterion_id, pct, position)
                    SELECT @inspectionId, c, p, pos FROM unnest(@criteria::text[], @criterionPcts::float8[], @criterionPositions::int[]) AS t(c, p, pos);
                    INSERT INTO published_grades (inspection_id, criterion_id, grade, position)
                    SELECT @inspectionId, c, g, pos FROM unnest(@gradeCriteria::text[], @grades::text[], @gradePositions::int[]) AS t(c, g, pos);
                    """,
                    new
                    {
                        inspectionId,
                        thread = results.RiskOfHarmThreadPct,
                        source,
                        recordedBy,
                        recordedAt = recordedAt.UtcDateTime,
                        kinds = figures.Select(f => f.Kind).ToArray(),
                        questions = figures.Select(f => f.Key).ToArray(),
                        pcts = figures.Select(f => f.Value.Pct).ToArray(),
                        ns = figures.Select(f => f.Value.Applicable).ToArray(),
                        ks = figures.Select(f => f.Value.Yes).ToArray(),
                        positions = figures.Select(f => f.i).ToArray(),
                        standards = results.Ratings.Keys.ToArray(),
                        ratings = results.Ratings.Values.Select(r => r.Rating).ToArray(),
                        notes = results.Ratings.Values.Select(r => r.Note).ToArray(),
                        ratingPositions = Enumerable.Range(0, results.Ratings.Count).ToArray(),
                        criteria = results.CriterionPcts.Keys.ToArray(),
                        criterionPcts = results.CriterionPcts.Values.ToArray(),
                        criterionPositions = Enumerable.Range(0, results.CriterionPcts.Count).ToArray(),
                        gradeCriteria = results.Section4Grades.Keys.ToArray(),
                        grades = results.Section4Grades.Values.ToArray(),
                        gradePositions = Enumerable.Range(0, results.Section4Grades.Count).ToArray(),
                    }, transaction, cancellationToken: ct));
            }
            return (await GetPublishedResultsAsync(connection, transaction, inspectionId, ct))!;
        }, ct);

    // ---------------------------------------------------------------- published figures (issue 19)

    private const string VersionColumns =
        """
        inspection_id AS InspectionId, version AS Version, kind AS Kind, reason AS Reason, recorded_by AS RecordedBy, recorded_at AS RecordedAt,
        published_on AS PublishedOn, framework_id AS FrameworkId, framework_version AS FrameworkVersion, method_version AS MethodVersion,
        ratings::text AS RatingsJson, prompts::text AS PromptsJson
        """;

    /// <summary>Every stored version of the inspection's figures, oldest first.</summary>
    public async Task<IReadOnlyList<StoredFiguresVersion>> ListFiguresVersionsAsync(string inspectionId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await ListFiguresVersionsAsync(connection, null, inspectionId, ct);
    }

    private static async Task<IReadOnlyList<StoredFiguresVersion>> ListFiguresVersionsAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string inspectionId, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<VersionRow>(new CommandDefinition(
            $"SELECT {VersionColumns} FROM published_versions WHERE inspection_id = @inspectionId ORDER BY version",
            new { inspectionId }, transaction, cancellationToken: ct));
        return rows.Select(r => r.ToStored()).ToList();
    }

    /// <summary>The newest stored version, or null when none is stored.</summary>
    public async Task<StoredFiguresVersion?> LatestFiguresVersionAsync(string inspectionId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<VersionRow>(new CommandDefinition(
            $"SELECT {VersionColumns} FROM published_versions WHERE inspection_id = @inspectionId ORDER BY version DESC LIMIT 1",
            new { inspectionId }, cancellationToken: ct));
        return row?.ToStored();
    }

    /// <summary>Inspections holding stored figures (of one framework when given).</summary>
    public async Task<IReadOnlyList<string>> ListInspectionsWithFiguresAsync(CancellationToken ct, string? frameworkId = null)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT inspection_id FROM published_versions WHERE @frameworkId::text IS NULL OR framework_id = @frameworkId ORDER BY inspection_id",
            new { frameworkId }, cancellationToken: ct))).ToList();
    }

    /// <summary>Inspections this service holds data for and no stored figures (candidates for storing what was published before).</summary>
    public async Task<IReadOnlyList<string>> ListInspectionsWithoutFiguresAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT i.inspection_id FROM inspections i
            WHERE NOT EXISTS (SELECT 1 FROM published_versions v WHERE v.inspection_id = i.inspection_id)
            ORDER BY i.inspection_id
            """, cancellationToken: ct))).ToList();
    }

    /// <summary>
    /// Stores version 1 (the figures about to be published, or first stored for an inspection published before). The
    /// caller has checked with the register that the inspection is not yet published, or that it is and has no
    /// figures: an earlier version 1 is replaced only while nothing came after it. Serialised per inspection.
    /// </summary>
    public Task<IReadOnlyList<StoredFiguresVersion>> StoreFirstFiguresAsync(StoredFiguresVersion first, bool replacePending, CancellationToken ct) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            await LockInspectionAsync(connection, transaction, first.InspectionId, ct);
            var existing = await ListFiguresVersionsAsync(connection, transaction, first.InspectionId, ct);
            if (existing.Count > 1 || existing.Count == 1 && !replacePending) return existing;
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM published_versions WHERE inspection_id = @InspectionId AND version = 1", first, transaction, cancellationToken: ct));
            await InsertFiguresVersionAsync(connection, transaction, first with { Version = 1 }, ct);
            return await ListFiguresVersionsAsync(connection, transaction, first.InspectionId, ct);
        }, ct);

    /// <summary>
    /// Adds a version after <paramref name="expectedVersion"/> (ABORTED when another came first), with the correction
    /// row the report lists when <paramref name="correction"/> is given, in one transaction. A retried request id
    /// returns the versions as they are.
    /// </summary>
    public Task<IReadOnlyList<StoredFiguresVersion>> AppendFiguresVersionAsync(
        StoredFiguresVersion next, int expectedVersion, RequestKey request, PublicationGuard? correction, CancellationToken ct) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            await LockInspectionAsync(connection, transaction, next.InspectionId, ct);
            if (await AlreadyAppliedAsync(connection, transaction, request, "RecordPublishedFiguresCorrection", next.InspectionId, "", ct))
                return await ListFiguresVersionsAsync(connection, transaction, next.InspectionId, ct);
            var latest = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT coalesce(max(version), 0) FROM published_versions WHERE inspection_id = @InspectionId", next, transaction, cancellationToken: ct));
            if (latest != expectedVersion)
                throw new ConcurrencyConflictException(
                    $"the published figures of inspection {next.InspectionId} are at version {latest}, not {expectedVersion}: someone else has corrected them since; review them again");
            await InsertFiguresVersionAsync(connection, transaction, next with { Version = latest + 1 }, ct);
            if (correction is not null) await InsertCorrectionAsync(connection, transaction, correction, ct);
            return await ListFiguresVersionsAsync(connection, transaction, next.InspectionId, ct);
        }, ct);

    private static Task LockInspectionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string inspectionId, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "SELECT 1 FROM inspections WHERE inspection_id = @inspectionId FOR UPDATE", new { inspectionId }, transaction, cancellationToken: ct));

    private static Task InsertFiguresVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, StoredFiguresVersion v, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO published_versions (inspection_id, version, kind, reason, recorded_by, recorded_at, published_on, framework_id, framework_version,
                                            method_version, ratings, prompts)
            VALUES (@InspectionId, @Version, @Kind, @Reason, @RecordedBy, @at, @PublishedOn, @FrameworkId, @FrameworkVersion, @MethodVersion,
                    @RatingsJson::jsonb, @PromptsJson::jsonb)
            """,
            new
            {
                v.InspectionId, v.Version, v.Kind, v.Reason, v.RecordedBy, at = v.RecordedAt.UtcDateTime, v.PublishedOn, v.FrameworkId, v.FrameworkVersion,
                v.MethodVersion, v.RatingsJson, v.PromptsJson,
            }, transaction, cancellationToken: ct));

    // ---------------------------------------------------------------- corrections

    private static async Task InsertCorrectionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, PublicationGuard guard, CancellationToken ct)
    {
        if (guard.Correction is not { } correction) return;
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO corrections (inspection_id, kind, subject, reason, recorded_by, recorded_at)
            VALUES (@inspectionId, @Kind, @Subject, @Reason, @RecordedBy, @at)
            """, new { inspectionId = guard.InspectionId, correction.Kind, correction.Subject, correction.Reason, correction.RecordedBy, at = correction.RecordedAt.UtcDateTime },
            transaction, cancellationToken: ct));
    }

    /// <summary>The changes made to an inspection after its publication, oldest first.</summary>
    public async Task<IReadOnlyList<Correction>> ListCorrectionsAsync(string inspectionId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<CorrectionRow>(new CommandDefinition(
            """
            SELECT kind AS Kind, subject AS Subject, reason AS Reason, recorded_by AS RecordedBy, recorded_at AS RecordedAt
            FROM corrections WHERE inspection_id = @inspectionId ORDER BY correction_id
            """, new { inspectionId }, cancellationToken: ct));
        return rows.Select(r => new Correction(r.Kind, r.Subject, r.Reason, r.RecordedBy, new DateTimeOffset(DateTime.SpecifyKind(r.RecordedAt, DateTimeKind.Utc)))).ToList();
    }

    public async Task<StoredPublishedResults?> GetPublishedResultsAsync(string inspectionId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await GetPublishedResultsAsync(connection, null, inspectionId, ct);
    }

    private static async Task<StoredPublishedResults?> GetPublishedResultsAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string inspectionId, CancellationToken ct)
    {
        using var grid = await connection.QueryMultipleAsync(new CommandDefinition(
            """
            SELECT risk_of_harm_thread_pct AS Thread, source AS Source, recorded_by AS RecordedBy, recorded_at AS RecordedAt
            FROM published_results WHERE inspection_id = @inspectionId;
            SELECT kind AS Kind, question_id AS QuestionId, pct AS Pct, n AS N, k AS K FROM published_figures
            WHERE inspection_id = @inspectionId ORDER BY kind, position;
            SELECT standard_id AS StandardId, rating AS Rating, note AS Note FROM published_ratings WHERE inspection_id = @inspectionId ORDER BY position;
            SELECT criterion_id AS Id, pct AS Pct FROM published_criteria WHERE inspection_id = @inspectionId ORDER BY position;
            SELECT criterion_id AS Id, grade AS Grade FROM published_grades WHERE inspection_id = @inspectionId ORDER BY position;
            """, new { inspectionId }, transaction, cancellationToken: ct));
        var head = await grid.ReadSingleOrDefaultAsync<PublishedHeadRow>();
        if (head is null) return null;
        var figures = (await grid.ReadAsync<FigureRow>()).ToList();
        var ratings = (await grid.ReadAsync<PublishedRating>()).ToDictionary(r => r.StandardId, StringComparer.Ordinal);
        var criteria = (await grid.ReadAsync<(string Id, double Pct)>()).ToDictionary(c => c.Id, c => c.Pct, StringComparer.Ordinal);
        var grades = (await grid.ReadAsync<(string Id, string Grade)>()).ToDictionary(g => g.Id, g => g.Grade, StringComparer.Ordinal);
        var results = new PublishedResults(
            figures.Where(f => f.Kind == "key_question").ToDictionary(f => f.QuestionId, f => new PublishedFigure(f.Pct, f.N, f.K), StringComparer.Ordinal),
            figures.Where(f => f.Kind == "prompt").ToDictionary(f => f.QuestionId, f => new PublishedFigure(f.Pct, f.N, f.K), StringComparer.Ordinal),
            ratings, criteria, grades, head.Thread);
        return new StoredPublishedResults(inspectionId, results, head.Source, head.RecordedBy,
            new DateTimeOffset(DateTime.SpecifyKind(head.RecordedAt, DateTimeKind.Utc)));
    }

    private static Answer Parse(string word) =>
        AnswerWords.TryParse(word, out var answer) ? answer : throw new InvalidOperationException($"stored answer '{word}' is not an answer word");

    private sealed record AssessmentRow(
        string InspectionId, string CaseReference, long Version, string StaffGrade, string AssessedBy, DateTime RecordedAt,
        int? QuestionsApplicable, int? QuestionsUnanswered, string SampleId);

    private sealed record HeadRow(string SampleId, long Version);

    private sealed record VersionRow(
        string InspectionId, int Version, string Kind, string Reason, string RecordedBy, DateTime RecordedAt, string PublishedOn,
        string FrameworkId, string FrameworkVersion, string MethodVersion, string RatingsJson, string PromptsJson)
    {
        public StoredFiguresVersion ToStored() =>
            new(InspectionId, Version, Kind, Reason, RecordedBy, new DateTimeOffset(DateTime.SpecifyKind(RecordedAt, DateTimeKind.Utc)), PublishedOn,
                FrameworkId, FrameworkVersion, MethodVersion, RatingsJson, PromptsJson);
    }

    private sealed record FlagRow(string CaseReference, string SampleId, string KeyQuestionId, string Kind, string Description);

    private sealed record CorrectionRow(string Kind, string Subject, string Reason, string RecordedBy, DateTime RecordedAt);

    private sealed record AnswerRow(string CaseReference, string SampleId, string QuestionId, string Answer, string Note, int Kind);

    private sealed record CountRow(string QuestionId, int Yes, int Applicable);

    private sealed record GroupRow(string QuestionId, string Value, int Yes, int Applicable);

    private sealed record InspectionCountRow(string InspectionId, string Version, string QuestionId, int Yes, int Applicable);

    private sealed record PublishedHeadRow(double? Thread, string Source, string RecordedBy, DateTime RecordedAt);

    private sealed record FigureRow(string Kind, string QuestionId, int Pct, int? N, int? K);

    private sealed record DepartureRow(string StandardId, string Rating, string Rationale, string AgreedBy, DateTime RecordedAt)
    {
        public PanelDeparture ToDomain() =>
            new(StandardId, Rating, Rationale, AgreedBy, new DateTimeOffset(DateTime.SpecifyKind(RecordedAt, DateTimeKind.Utc)));
    }
}
