using Dapper;
using Inspection.Data;
using Inspection.Domain;
using Inspection.Evidence.Application;
using Inspection.Evidence.Domain;
using Npgsql;

namespace Inspection.Evidence.Data;

/// <summary>
/// All of the service's SQL. Every record is versioned: a change inserts a new version (and, for evidence,
/// moves the item's current-version pointer), so history is never overwritten. Each write records its request
/// id in the same transaction, so a retry finds the first result and a failed write leaves nothing behind.
/// </summary>
public sealed class EvidenceStore(Database database)
{
    private const string UniqueViolation = "23505";
    private const string RequestLogKey = "request_log_pkey";

    // ---------------------------------------------------------------- requests

    public async Task<RequestOutcome?> FindRequestAsync(string requestId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<RequestOutcome>(new CommandDefinition(
            """
            select operation, fingerprint, result_id as resultid, result_part as resultpart, result_version as resultversion
            from request_log where request_id = @requestId
            """, new { requestId }, cancellationToken: ct));
    }

    private static Task LogRequestAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, RecordedRequest request,
        string resultId, string? resultPart, long resultVersion, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            insert into request_log (request_id, operation, fingerprint, result_id, result_part, result_version)
            values (@RequestId, @Operation, @Fingerprint, @resultId, @resultPart, @resultVersion)
            """,
            new { request.RequestId, request.Operation, request.Fingerprint, resultId, resultPart, resultVersion }, transaction, cancellationToken: ct));

    /// <summary>
    /// Runs a write in one transaction, its request logged first: a concurrent retry of the same request then waits
    /// on the log's key and finds the first result, instead of racing it to the record's next version.
    /// </summary>
    private async Task WriteAsync(RecordedRequest request, (string Id, string? Part, long Version) result, string conflict,
        Func<NpgsqlConnection, NpgsqlTransaction, Task> work, CancellationToken ct)
    {
        try
        {
            await database.InTransactionAsync(async (connection, transaction) =>
            {
                await LogRequestAsync(connection, transaction, request, result.Id, result.Part, result.Version, ct);
                await work(connection, transaction);
                return true;
            }, ct);
        }
        catch (PostgresException e) when (e.SqlState == UniqueViolation && e.ConstraintName == RequestLogKey)
        {
            throw new DuplicateRequestException(request.RequestId);
        }
        catch (PostgresException e) when (e.SqlState == UniqueViolation)
        {
            // Another writer took the same next version between our read and our insert.
            throw new ConcurrencyConflictException(conflict);
        }
    }

    // ---------------------------------------------------------------- evidence

    private const string EvidenceColumns =
        """
        i.evidence_id as evidenceid, i.inspection_id as inspectionid, i.added_at as addedat,
        v.version, v.standard_id as standardid, v.key_question_id as keyquestionid, v.source,
        v.evidence_date as evidencedate, v.summary, v.finding, v.case_references as casereferences,
        v.evidence_subsection as evidencesubsection, v.withdrawn, v.withdrawal_reason as withdrawalreason,
        v.recorded_by as recordedby, v.recorded_at as recordedat
        """;

    public Task InsertEvidenceAsync(EvidenceItem item, RecordedRequest request, CancellationToken ct) =>
        WriteAsync(request, (item.EvidenceId.ToString(), null, item.Version), $"Evidence {item.EvidenceId} already exists", async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "insert into evidence_items (evidence_id, inspection_id, current_version, added_at) values (@EvidenceId, @InspectionId, @Version, @AddedAt)",
                new { item.EvidenceId, item.InspectionId, item.Version, item.AddedAt }, transaction, cancellationToken: ct));
            await InsertEvidenceVersionAsync(connection, transaction, item, ct);
        }, ct);

    /// <summary>Adds the next version of an item; refused when someone else added one since it was read.</summary>
    public Task AppendEvidenceVersionAsync(EvidenceItem next, RecordedRequest request, CancellationToken ct) =>
        WriteAsync(request, (next.EvidenceId.ToString(), null, next.Version), $"Evidence {next.EvidenceId} was changed by someone else: read it again", async (connection, transaction) =>
        {
            var moved = await connection.ExecuteAsync(new CommandDefinition(
                "update evidence_items set current_version = @Version where evidence_id = @EvidenceId and current_version = @Version - 1",
                new { next.EvidenceId, next.Version }, transaction, cancellationToken: ct));
            if (moved == 0)
                throw new ConcurrencyConflictException($"Evidence {next.EvidenceId} is no longer at version {next.Version - 1}: read it again");
            await InsertEvidenceVersionAsync(connection, transaction, next, ct);
        }, ct);

    private static Task InsertEvidenceVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, EvidenceItem item, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            insert into evidence_versions (evidence_id, version, standard_id, key_question_id, source, evidence_date, summary, finding,
                case_references, evidence_subsection, withdrawn, withdrawal_reason, recorded_by, recorded_at)
            values (@EvidenceId, @Version, @StandardId, @KeyQuestionId, @Source, @EvidenceDate, @Summary, @Finding,
                @CaseReferences, @EvidenceSubsection, @Withdrawn, @WithdrawalReason, @RecordedBy, @RecordedAt)
            """,
            new
            {
                item.EvidenceId, item.Version, item.Content.StandardId, item.Content.KeyQuestionId, item.Content.Source,
                EvidenceDate = item.Content.EvidenceDate.ToDateTime(TimeOnly.MinValue), item.Content.Summary, item.Content.Finding,
                CaseReferences = item.Content.CaseReferences.ToArray(), item.Content.EvidenceSubsection,
                item.Withdrawn, item.WithdrawalReason, item.RecordedBy, item.RecordedAt,
            }, transaction, cancellationToken: ct));

    public async Task<EvidenceItem?> GetEvidenceAsync(Guid evidenceId, long? version, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<EvidenceRow>(new CommandDefinition(
            $"""
             select {EvidenceColumns}
             from evidence_items i join evidence_versions v on v.evidence_id = i.evidence_id
             where i.evidence_id = @evidenceId and v.version = coalesce(@version, i.current_version)
             """, new { evidenceId, version }, cancellationToken: ct));
        return row?.ToDomain();
    }

    public async Task<IReadOnlyList<EvidenceItem>> GetEvidenceHistoryAsync(Guid evidenceId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<EvidenceRow>(new CommandDefinition(
            $"""
             select {EvidenceColumns}
             from evidence_items i join evidence_versions v on v.evidence_id = i.evidence_id
             where i.evidence_id = @evidenceId
             order by v.version
             """, new { evidenceId }, cancellationToken: ct));
        return rows.Select(r => r.ToDomain()).ToList();
    }

    /// <summary>The current version of each matching item, in the order the items were added.</summary>
    public async Task<IReadOnlyList<EvidenceItem>> ListEvidenceAsync(EvidenceFilter filter, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<EvidenceRow>(new CommandDefinition(
            $"""
             select {EvidenceColumns}
             from evidence_items i join evidence_versions v on v.evidence_id = i.evidence_id and v.version = i.current_version
             where i.inspection_id = @InspectionId
               and (@StandardId::text is null or v.standard_id = @StandardId)
               and (@KeyQuestionId::text is null or v.key_question_id = @KeyQuestionId)
               and (@Source::text is null or v.source = @Source)
               and (@Finding::text is null or v.finding = @Finding)
               and (@IncludeWithdrawn or not v.withdrawn)
             order by i.added_at, i.evidence_id
             """, filter, cancellationToken: ct));
        return rows.Select(r => r.ToDomain()).ToList();
    }

    private sealed class EvidenceRow
    {
        public Guid EvidenceId { get; init; }
        public string InspectionId { get; init; } = "";
        public DateTime AddedAt { get; init; }
        public long Version { get; init; }
        public string StandardId { get; init; } = "";
        public string? KeyQuestionId { get; init; }
        public string Source { get; init; } = "";
        public DateTime EvidenceDate { get; init; }
        public string Summary { get; init; } = "";
        public string Finding { get; init; } = "";
        public string[] CaseReferences { get; init; } = [];
        public string? EvidenceSubsection { get; init; }
        public bool Withdrawn { get; init; }
        public string? WithdrawalReason { get; init; }
        public string RecordedBy { get; init; } = "";
        public DateTime RecordedAt { get; init; }

        public EvidenceItem ToDomain() => new(
            EvidenceId, InspectionId,
            new EvidenceContent(StandardId, KeyQuestionId, Source, DateOnly.FromDateTime(EvidenceDate), Summary, Finding, CaseReferences, EvidenceSubsection),
            Version, Withdrawn, WithdrawalReason, RecordedBy, Utc(RecordedAt), Utc(AddedAt));
    }

    // ---------------------------------------------------------------- staffing return

    public Task InsertStaffingReturnAsync(StaffingReturn staffing, RecordedRequest request, CancellationToken ct) =>
        WriteAsync(request, (staffing.InspectionId, null, staffing.Version), $"The staffing return of inspection {staffing.InspectionId} was recorded by someone else at the same time: read it again", async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "insert into staffing_returns (inspection_id, version, as_at, recorded_by, recorded_at) values (@InspectionId, @Version, @AsAt, @RecordedBy, @RecordedAt)",
                new { staffing.InspectionId, staffing.Version, AsAt = staffing.AsAt.ToDateTime(TimeOnly.MinValue), staffing.RecordedBy, staffing.RecordedAt },
                transaction, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(
                "insert into staffing_figures (inspection_id, version, field, value, unit) values (@InspectionId, @Version, @Field, @Value, @Unit)",
                staffing.Figures.Select(f => new { staffing.InspectionId, staffing.Version, Field = f.Field.Name, f.Value, f.Field.Unit }),
                transaction, cancellationToken: ct));
        }, ct);

    /// <summary>The return at <paramref name="version"/>, or the latest when null.</summary>
    public async Task<StaffingReturn?> GetStaffingReturnAsync(string inspectionId, long? version, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var header = await connection.QuerySingleOrDefaultAsync<StaffingReturnRow>(new CommandDefinition(
            """
            select inspection_id as inspectionid, version, as_at as asat, recorded_by as recordedby, recorded_at as recordedat
            from staffing_returns
            where inspection_id = @inspectionId and (@version::bigint is null or version = @version)
            order by version desc limit 1
            """, new { inspectionId, version }, cancellationToken: ct));
        if (header is null) return null;
        var figures = await connection.QueryAsync<(string Field, decimal Value)>(new CommandDefinition(
            "select field, value from staffing_figures where inspection_id = @inspectionId and version = @Version",
            new { inspectionId, header.Version }, cancellationToken: ct));
        var known = figures
            .Select(f => StaffingFields.Find(f.Field) is { } field ? new StaffingFigure(field, f.Value) : null)
            .OfType<StaffingFigure>()
            .OrderBy(f => IndexOf(StaffingFields.All, f.Field))
            .ToList();
        return new StaffingReturn(header.InspectionId, DateOnly.FromDateTime(header.AsAt), known, header.RecordedBy, Utc(header.RecordedAt), header.Version);
    }

    private sealed class StaffingReturnRow
    {
        public string InspectionId { get; init; } = "";
        public long Version { get; init; }
        public DateTime AsAt { get; init; }
        public string RecordedBy { get; init; } = "";
        public DateTime RecordedAt { get; init; }
    }

    // ---------------------------------------------------------------- surveys

    private const string SurveyColumns =
        """
        survey_result_id as surveyresultid, inspection_id as inspectionid, survey, question, respondents, agreeing,
        standard_id as standardid, key_question_id as keyquestionid, recorded_by as recordedby, recorded_at as recordedat
        """;

    public Task InsertSurveyResultAsync(SurveyResult result, RecordedRequest request, CancellationToken ct) =>
        WriteAsync(request, (result.SurveyResultId.ToString(), null, 1), $"Survey result {result.SurveyResultId} already exists", async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                insert into survey_results (survey_result_id, inspection_id, survey, question, respondents, agreeing, standard_id, key_question_id, recorded_by, recorded_at)
                values (@SurveyResultId, @InspectionId, @Survey, @Question, @Respondents, @Agreeing, @StandardId, @KeyQuestionId, @RecordedBy, @RecordedAt)
                """,
                new
                {
                    result.SurveyResultId, result.InspectionId, result.Survey, result.Question,
                    Respondents = result.Agreeing.Denominator, Agreeing = result.Agreeing.Numerator,
                    result.StandardId, result.KeyQuestionId, result.RecordedBy, result.RecordedAt,
                }, transaction, cancellationToken: ct));
        }, ct);

    public async Task<SurveyResult?> GetSurveyResultAsync(Guid surveyResultId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<SurveyRow>(new CommandDefinition(
            $"select {SurveyColumns} from survey_results where survey_result_id = @surveyResultId", new { surveyResultId }, cancellationToken: ct));
        return row?.ToDomain();
    }

    public async Task<IReadOnlyList<SurveyResult>> ListSurveyResultsAsync(string inspectionId, string? survey, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<SurveyRow>(new CommandDefinition(
            $"""
             select {SurveyColumns} from survey_results
             where inspection_id = @inspectionId and (@survey::text is null or survey = @survey)
             order by recorded_at, survey_result_id
             """, new { inspectionId, survey }, cancellationToken: ct));
        return rows.Select(r => r.ToDomain()).ToList();
    }

    private sealed class SurveyRow
    {
        public Guid SurveyResultId { get; init; }
        public string InspectionId { get; init; } = "";
        public string Survey { get; init; } = "";
        public string Question { get; init; } = "";
        public int Respondents { get; init; }
        public int Agreeing { get; init; }
        public string? StandardId { get; init; }
        public string? KeyQuestionId { get; init; }
        public string RecordedBy { get; init; } = "";
        public DateTime RecordedAt { get; init; }

        public SurveyResult ToDomain() => new(SurveyResultId, InspectionId, Survey, Question, new Percentage(Agreeing, Respondents),
            StandardId, KeyQuestionId, RecordedBy, Utc(RecordedAt));
    }

    // ---------------------------------------------------------------- characteristics of inspected cases

    public Task InsertCaseCharacteristicsAsync(CaseCharacteristicsTable table, RecordedRequest request, CancellationToken ct) =>
        WriteAsync(request, (table.InspectionId, null, table.Version), $"The characteristics table of inspection {table.InspectionId} was recorded by someone else at the same time: read it again", async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "insert into case_characteristics_tables (inspection_id, version, recorded_by, recorded_at) values (@InspectionId, @Version, @RecordedBy, @RecordedAt)",
                new { table.InspectionId, table.Version, table.RecordedBy, table.RecordedAt }, transaction, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(
                """
                insert into case_characteristic_rows (inspection_id, version, characteristic, value, unit, source, numerator, denominator)
                values (@InspectionId, @Version, @Characteristic, @Value, @Unit, @Source, @Numerator, @Denominator)
                """,
                table.Rows.Select(r => new
                {
                    table.InspectionId, table.Version, Characteristic = r.Characteristic.Name, r.Value, r.Characteristic.Unit, r.Source,
                    Numerator = r.Fraction?.Numerator, Denominator = r.Fraction?.Denominator,
                }), transaction, cancellationToken: ct));
        }, ct);

    public async Task<CaseCharacteristicsTable?> GetCaseCharacteristicsAsync(string inspectionId, long? version, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var header = await connection.QuerySingleOrDefaultAsync<(long Version, string RecordedBy, DateTime RecordedAt)>(new CommandDefinition(
            """
            select version, recorded_by, recorded_at from case_characteristics_tables
            where inspection_id = @inspectionId and (@version::bigint is null or version = @version)
            order by version desc limit 1
            """, new { inspectionId, version }, cancellationToken: ct));
        if (header == default) return null;
        var rows = await connection.QueryAsync<(string Characteristic, decimal Value, string Source, int? Numerator, int? Denominator)>(new CommandDefinition(
            "select characteristic, value, source, numerator, denominator from case_characteristic_rows where inspection_id = @inspectionId and version = @Version",
            new { inspectionId, header.Version }, cancellationToken: ct));
        var table = rows
            .Select(r => CaseCharacteristics.Find(r.Characteristic) is { } characteristic
                ? new CaseCharacteristicRow(characteristic, r.Value, r.Source,
                    r.Numerator is { } k && r.Denominator is { } n ? new Percentage(k, n) : null)
                : null)
            .OfType<CaseCharacteristicRow>()
            .OrderBy(r => CaseCharacteristics.Order(r.Characteristic))
            .ToList();
        return new CaseCharacteristicsTable(inspectionId, table, header.RecordedBy, Utc(header.RecordedAt), header.Version);
    }

    // ---------------------------------------------------------------- judgements

    private const string JudgementColumns =
        """
        inspection_id as inspectionid, standard_id as standardid, version, rating, rationale, panel_departure as paneldeparture,
        agreed_by as agreedby, state, recorded_by as recordedby, recorded_by_role as recordedbyrole, recorded_at as recordedat,
        correction_reason as correctionreason
        """;

    public Task InsertJudgementAsync(Judgement judgement, RecordedRequest request, CancellationToken ct) =>
        WriteAsync(request, (judgement.InspectionId, judgement.StandardId, judgement.Version), $"The judgement of standard {judgement.StandardId} was recorded by someone else at the same time: read it again", async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                insert into judgements (inspection_id, standard_id, version, rating, rationale, panel_departure, agreed_by, state, recorded_by, recorded_by_role, recorded_at, correction_reason)
                values (@InspectionId, @StandardId, @Version, @Rating, @Rationale, @PanelDeparture, @AgreedBy, @State, @RecordedBy, @RecordedByRole, @RecordedAt, @CorrectionReason)
                """, judgement, transaction, cancellationToken: ct));
        }, ct);

    /// <summary>The judgement at <paramref name="version"/>, or the standard's current one when null.</summary>
    public async Task<Judgement?> GetJudgementAsync(string inspectionId, string standardId, long? version, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<JudgementRow>(new CommandDefinition(
            $"""
             select {JudgementColumns} from judgements
             where inspection_id = @inspectionId and standard_id = @standardId and (@version::bigint is null or version = @version)
             order by version desc limit 1
             """, new { inspectionId, standardId, version }, cancellationToken: ct));
        return row?.ToDomain();
    }

    /// <summary>The current judgement of every standard of the inspection that has one.</summary>
    public async Task<IReadOnlyList<Judgement>> GetCurrentJudgementsAsync(string inspectionId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<JudgementRow>(new CommandDefinition(
            $"""
             select distinct on (standard_id) {JudgementColumns} from judgements
             where inspection_id = @inspectionId
             order by standard_id, version desc
             """, new { inspectionId }, cancellationToken: ct));
        return rows.Select(r => r.ToDomain()).ToList();
    }

    public async Task<IReadOnlyList<Judgement>> GetJudgementHistoryAsync(string inspectionId, string standardId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<JudgementRow>(new CommandDefinition(
            $"select {JudgementColumns} from judgements where inspection_id = @inspectionId and standard_id = @standardId order by version",
            new { inspectionId, standardId }, cancellationToken: ct));
        return rows.Select(r => r.ToDomain()).ToList();
    }

    private sealed class JudgementRow
    {
        public string InspectionId { get; init; } = "";
        public string StandardId { get; init; } = "";
        public long Version { get; init; }
        public string Rating { get; init; } = "";
        public string? Rationale { get; init; }
        public bool PanelDeparture { get; init; }
        public string? AgreedBy { get; init; }
        public string State { get; init; } = "";
        public string RecordedBy { get; init; } = "";
        public string? RecordedByRole { get; init; }
        public DateTime RecordedAt { get; init; }
        public string? CorrectionReason { get; init; }

        public Judgement ToDomain() => new(InspectionId, StandardId, Rating, Rationale, PanelDeparture, AgreedBy, State, RecordedBy,
            RecordedByRole, Utc(RecordedAt), Version, CorrectionReason);
    }

    // ----------------------------------------------------------------

    private static DateTimeOffset Utc(DateTime value) =>
        new(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero);

    private static int IndexOf<T>(IReadOnlyList<T> list, T item)
    {
        for (var i = 0; i < list.Count; i++)
            if (Equals(list[i], item)) return i;
        return list.Count;
    }
}
