using Dapper;
using Inspection.Contracts.Vocabularies;

using Npgsql;

namespace Inspection.Recommendations.Data;

/// <summary>The inspection calendar: inspections, their publication and the improvement plan's receipt.</summary>
public sealed class InspectionStore(Database database)
{
    private const string InspectionSelect =
        """
        select i.inspection_id, i.provider_id, p.name as provider_name, i.framework_id, i.status, i.fieldwork_start, i.fieldwork_end,
               i.lead_inspector, i.published_on, i.improvement_plan_due, i.published_by, i.version, i.created_by, i.created_at,
               i.improvement_plan_received_on, i.improvement_plan_recorded_by,
               (select count(*) from recommendations c where c.inspection_id = i.inspection_id)::int as recommendation_count
        from inspections i join providers p on p.provider_id = i.provider_id
        """;

    public Task InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid id, NewInspection inspection, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(
            """
            insert into inspections (inspection_id, provider_id, framework_id, status, fieldwork_start, fieldwork_end, lead_inspector, created_by)
            values (@id, @ProviderId, @FrameworkId, 'planned', @start::date, @end::date, @LeadInspector, @CreatedBy)
            """,
            new { id, inspection.ProviderId, inspection.FrameworkId, start = StoredValues.AsDate(inspection.FieldworkStart),
                end = StoredValues.AsDate(inspection.FieldworkEnd), inspection.LeadInspector, inspection.CreatedBy },
            tx, cancellationToken: ct));

    public async Task<ProviderInspection> GetAsync(Guid inspectionId, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        return await GetAsync(c, null, inspectionId, ct);
    }

    /// <param name="forUpdate">Lock the row to the end of the transaction (the version check and the change that follows).</param>
    public async Task<ProviderInspection> GetAsync(NpgsqlConnection c, NpgsqlTransaction? tx, Guid inspectionId, CancellationToken ct, bool forUpdate = false)
    {
        var row = await c.QuerySingleOrDefaultAsync<InspectionRow>(new CommandDefinition(
            InspectionSelect + " where i.inspection_id = @inspectionId" + (forUpdate ? " for update of i" : string.Empty),
            new { inspectionId }, tx, cancellationToken: ct));
        if (row is null) throw new NotFoundException("Inspection", Identifier.Format(inspectionId));
        var corrections = await c.QueryAsync<CorrectionRow>(new CommandDefinition(
            """
            select field, previous_value, corrected_value, reason, corrected_by, corrected_at
            from inspection_corrections where inspection_id = @inspectionId order by corrected_at, correction_id
            """,
            new { inspectionId }, tx, cancellationToken: ct));
        return row.ToInspection() with { Corrections = corrections.Select(r => r.ToCorrection()).ToList() };
    }

    /// <param name="providers">The providers whose inspections are listed (a provider and its ancestors), or null for all.</param>
    public async Task<Page<ProviderInspection>> ListAsync(InspectionQuery query, Guid[]? providers, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        const string where =
            """

            where (@providers::uuid[] is null or i.provider_id = any(@providers))
              and (@status::text is null or i.status = @status)
              and (@framework::text is null or i.framework_id = @framework)
              and (@from::date is null or coalesce(i.fieldwork_start, i.published_on) >= @from::date)
              and (@to::date is null or coalesce(i.fieldwork_start, i.published_on) <= @to::date)
              and (not @planOverdueOnly or (i.status = 'published' and i.improvement_plan_due < @asOf::date and i.improvement_plan_received_on is null))
            """;
        var order = query.NewestFirst
            ? "order by coalesce(i.published_on, i.fieldwork_start) desc nulls last, p.name, i.inspection_id"
            : "order by coalesce(i.fieldwork_start, i.published_on) nulls last, p.name, i.inspection_id";
        var parameters = new
        {
            providers,
            status = query.Status?.Word,
            framework = StoredValues.NullIfEmpty(query.FrameworkId),
            from = StoredValues.AsDate(query.From),
            to = StoredValues.AsDate(query.To),
            planOverdueOnly = query.ImprovementPlanOverdueOnly,
            asOf = StoredValues.AsDate(query.AsOf),
            limit = query.Page.Size + 1,
            offset = query.Page.Offset,
        };
        var rows = await c.QueryAsync<InspectionRow>(new CommandDefinition(
            InspectionSelect + where + order + " limit @limit offset @offset", parameters, cancellationToken: ct));
        var total = await c.ExecuteScalarAsync<int>(new CommandDefinition(
            "select count(*)::int from inspections i join providers p on p.provider_id = i.provider_id" + where, parameters, cancellationToken: ct));
        return query.Page.ToPage(rows.Select(r => r.ToInspection()).ToList()) with { Total = total };
    }

    /// <summary>Stores the publication, if the inspection is still at <paramref name="expectedVersion"/> (ABORTED otherwise).</summary>
    public async Task UpdatePublicationAsync(NpgsqlConnection c, NpgsqlTransaction tx, ProviderInspection published, long expectedVersion, CancellationToken ct)
    {
        var updated = await c.ExecuteAsync(new CommandDefinition(
            """
            update inspections
            set status = @status, published_on = @publishedOn::date, improvement_plan_due = @due::date, published_by = @PublishedBy, version = version + 1
            where inspection_id = @Id and version = @expectedVersion
            """,
            new { status = published.Status.Word, publishedOn = StoredValues.AsDate(published.PublishedOn),
                due = StoredValues.AsDate(published.ImprovementPlanDue), published.PublishedBy, published.Id, expectedVersion },
            tx, cancellationToken: ct));
        if (updated == 0) RowVersion.Ensure("Inspection", published.Id, (await GetAsync(c, tx, published.Id, ct)).Version, expectedVersion);
    }

    public Task UpdateImprovementPlanReceiptAsync(NpgsqlConnection c, NpgsqlTransaction tx, ProviderInspection received, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(
            """
            update inspections
            set improvement_plan_received_on = @receivedOn::date, improvement_plan_recorded_by = @ImprovementPlanRecordedBy, version = version + 1
            where inspection_id = @Id
            """,
            new { receivedOn = StoredValues.AsDate(received.ImprovementPlanReceivedOn), received.ImprovementPlanRecordedBy, received.Id },
            tx, cancellationToken: ct));

    /// <summary>Stores corrected published facts (and the improvement plan's due date that follows the publication date).</summary>
    public Task UpdatePublishedFactsAsync(NpgsqlConnection c, NpgsqlTransaction tx, ProviderInspection corrected, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(
            """
            update inspections
            set published_on = @publishedOn::date, improvement_plan_due = @due::date, fieldwork_start = @start::date, fieldwork_end = @end::date,
                version = version + 1
            where inspection_id = @Id
            """,
            new
            {
                publishedOn = StoredValues.AsDate(corrected.PublishedOn), due = StoredValues.AsDate(corrected.ImprovementPlanDue),
                start = StoredValues.AsDate(corrected.FieldworkStart), end = StoredValues.AsDate(corrected.FieldworkEnd), corrected.Id,
            },
            tx, cancellationToken: ct));

    /// <summary>Appends the corrections (append-only: the table refuses UPDATE and DELETE), marked with the inspection's version they made.</summary>
    public async Task InsertCorrectionsAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, Guid inspectionId, IReadOnlyList<InspectionCorrection> corrections, long inspectionVersion, CancellationToken ct)
    {
        foreach (var correction in corrections)
            await c.ExecuteAsync(new CommandDefinition(
                """
                insert into inspection_corrections
                    (correction_id, inspection_id, field, previous_value, corrected_value, reason, corrected_by, corrected_at, inspection_version)
                values (@id, @inspectionId, @field, @previous::date, @corrected::date, @Reason, @CorrectedBy, @CorrectedAt, @inspectionVersion)
                """,
                new
                {
                    id = Guid.CreateVersion7(), inspectionId, field = WireWords.InspectionFacts.WordFor(correction.Fact),
                    previous = StoredValues.AsDate(correction.Previous), corrected = StoredValues.AsDate(correction.Corrected), correction.Reason, correction.CorrectedBy,
                    correction.CorrectedAt, inspectionVersion,
                },
                tx, cancellationToken: ct));
    }

    /// <summary>The inspection's recommendations changed: its version moves on.</summary>
    public Task BumpVersionAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid inspectionId, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(
            "update inspections set version = version + 1 where inspection_id = @inspectionId", new { inspectionId }, tx, cancellationToken: ct));

    // Row shapes Dapper fills through their constructors: each query selects exactly these columns, in this order.

    private sealed record CorrectionRow(
        string Field, DateOnly? PreviousValue, DateOnly? CorrectedValue, string Reason, string CorrectedBy, DateTime CorrectedAt)
    {
        public InspectionCorrection ToCorrection() =>
            new(WireWords.InspectionFacts.Parse("field", Field), PreviousValue, CorrectedValue, Reason, CorrectedBy, StoredValues.Instant(CorrectedAt));
    }

    private sealed record InspectionRow(
        Guid InspectionId, Guid ProviderId, string ProviderName, string FrameworkId, string Status,
        DateOnly? FieldworkStart, DateOnly? FieldworkEnd, string LeadInspector, DateOnly? PublishedOn, DateOnly? ImprovementPlanDue,
        string PublishedBy, long Version, string CreatedBy, DateTime CreatedAt,
        DateOnly? ImprovementPlanReceivedOn, string ImprovementPlanRecordedBy, int RecommendationCount)
    {
        public ProviderInspection ToInspection() =>
            new(InspectionId, ProviderId, ProviderName, FrameworkId, InspectionStatus.FromWord(Status), FieldworkStart, FieldworkEnd,
                LeadInspector, PublishedOn, ImprovementPlanDue, PublishedBy, RecommendationCount, Version, CreatedBy, StoredValues.Instant(CreatedAt))
            {
                ImprovementPlanReceivedOn = ImprovementPlanReceivedOn,
                ImprovementPlanRecordedBy = ImprovementPlanRecordedBy,
            };
    }
}
