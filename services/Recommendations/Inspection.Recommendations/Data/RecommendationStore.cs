using Dapper;
using Npgsql;

namespace Inspection.Recommendations.Data;

/// <summary>Recommendations, each read with its history of progress judgements.</summary>
public sealed class RecommendationStore(Database database)
{
    private const string RecommendationSelect =
        """
        select r.recommendation_id, r.inspection_id, i.provider_id as inspected_provider_id, r.number, r.addressee_group,
               r.addressee_provider_id, a.name as addressee_name, r.text, r.version, i.published_on as inspection_published_on,
               i.improvement_plan_due, i.improvement_plan_received_on, r.recorded_by, r.recorded_at, r.correction_reason, r.priority
        from recommendations r
        join inspections i on i.inspection_id = r.inspection_id
        join providers a on a.provider_id = r.addressee_provider_id
        """;

    /// <summary>The inspection's last recommendation (its number and group), which numbering continues from; null when it has none.</summary>
    public async Task<(int Number, AddresseeGroup Group)?> LastAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid inspectionId, CancellationToken ct)
    {
        var last = await c.QuerySingleOrDefaultAsync<LastRow>(new CommandDefinition(
            "select number, addressee_group from recommendations where inspection_id = @inspectionId order by number desc limit 1",
            new { inspectionId }, tx, cancellationToken: ct));
        return last is null ? null : (last.Number, AddresseeGroup.FromWord(last.AddresseeGroup));
    }

    /// <summary>How many priority recommendations the inspection has made (issue 23: a framework may cap them).</summary>
    public Task<int> PriorityCountAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid inspectionId, CancellationToken ct) =>
        c.ExecuteScalarAsync<int>(new CommandDefinition(
            "select count(*)::int from recommendations where inspection_id = @inspectionId and priority", new { inspectionId }, tx, cancellationToken: ct));

    /// <summary>Stores a numbered batch, marked with the request that made it (so a retry reads the same batch back).</summary>
    public Task InsertAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, NewRecommendations batch, IReadOnlyList<NumberedRecommendation> numbered, string requestId,
        string correctionReason, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(
            """
            insert into recommendations (recommendation_id, inspection_id, number, addressee_group, addressee_provider_id, text, request_id, recorded_by, correction_reason, priority)
            values (@id, @inspectionId, @number, @group, @addressee, @text, @requestId, @recordedBy, @correctionReason, @priority)
            """,
            numbered.Select(n => new
            {
                id = Guid.CreateVersion7(),
                inspectionId = batch.InspectionId,
                number = n.Number,
                group = n.Recommendation.AddresseeGroup.Word,
                addressee = n.Recommendation.AddresseeProviderId,
                text = n.Recommendation.Text,
                requestId,
                recordedBy = batch.RecordedBy,
                correctionReason,
                priority = n.Recommendation.Priority,
            }),
            tx, cancellationToken: ct));

    /// <summary>The recommendations one AddRecommendations request made, in number order.</summary>
    public async Task<IReadOnlyList<RecommendationProgress>> BatchAsync(Guid inspectionId, string requestId, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        return await BatchAsync(c, null, inspectionId, requestId, ct);
    }

    public Task<IReadOnlyList<RecommendationProgress>> BatchAsync(NpgsqlConnection c, NpgsqlTransaction? tx, Guid inspectionId, string requestId, CancellationToken ct) =>
        LoadAsync(c, tx, RecommendationSelect + " where r.inspection_id = @inspectionId and r.request_id = @requestId order by r.number",
            new { inspectionId, requestId }, ct);

    public async Task<RecommendationProgress> GetAsync(Guid recommendationId, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        return await GetAsync(c, null, recommendationId, ct);
    }

    public async Task<RecommendationProgress> GetAsync(NpgsqlConnection c, NpgsqlTransaction? tx, Guid recommendationId, CancellationToken ct)
    {
        var found = await LoadAsync(c, tx, RecommendationSelect + " where r.recommendation_id = @recommendationId", new { recommendationId }, ct);
        return found.SingleOrDefault() ?? throw new NotFoundException("Recommendation", Identifier.Format(recommendationId));
    }

    /// <summary>Every recommendation addressed to one of <paramref name="addressees"/>.</summary>
    public async Task<IReadOnlyList<RecommendationProgress>> AddressedToAsync(NpgsqlConnection c, NpgsqlTransaction? tx, IReadOnlySet<Guid> addressees, CancellationToken ct) =>
        await LoadAsync(c, tx, RecommendationSelect + " where r.addressee_provider_id = any(@reach)", new { reach = addressees.ToArray() }, ct);

    public async Task<IReadOnlyList<RecommendationProgress>> AddressedToAsync(IReadOnlySet<Guid> addressees, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        return await AddressedToAsync(c, null, addressees, ct);
    }

    /// <param name="providers">The addressees listed (a provider and its ancestors), or null for all.</param>
    /// <param name="closingWord">The judgement that closes a recommendation: a closed one is not overdue.</param>
    public async Task<Page<RecommendationProgress>> ListAsync(RecommendationQuery query, Guid[]? providers, string closingWord, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        const string filter =
            """

            join providers ip on ip.provider_id = i.provider_id
            left join lateral (
                select lj.judgement from progress_judgements lj where lj.recommendation_id = r.recommendation_id order by lj.sequence desc limit 1
            ) latest on true
            where (@providers::uuid[] is null or r.addressee_provider_id = any(@providers))
              and (@addresseeGroup::text is null or r.addressee_group = @addresseeGroup)
              and (@inspectionId::uuid is null or r.inspection_id = @inspectionId)
              and (@latest::text is null or (@latest = @neverJudged and latest.judgement is null) or latest.judgement = @latest)
              and (not @overdueOnly or (i.improvement_plan_due < @asOf::date and i.improvement_plan_received_on is null
                                        and (latest.judgement is null or latest.judgement <> @closing)))
              and (@text::text is null or strpos(lower(r.text), lower(@text)) > 0)
              and (@region::text is null or lower(a.region) = lower(@region) or lower(ip.region) = lower(@region))
            """;
        var order = query.NewestFirst
            ? " order by i.published_on desc nulls last, r.inspection_id, r.number"
            : " order by i.published_on nulls last, r.inspection_id, r.number";
        var parameters = new
        {
            providers,
            addresseeGroup = query.AddresseeGroup?.Word,
            inspectionId = query.InspectionId,
            latest = StoredValues.NullIfEmpty(query.LatestJudgement),
            neverJudged = RecommendationQuery.NeverJudged,
            overdueOnly = query.OverdueOnly,
            asOf = StoredValues.AsDate(query.AsOf),
            closing = closingWord,
            text = StoredValues.NullIfEmpty(query.TextContains),
            region = StoredValues.NullIfEmpty(query.Region),
            limit = query.Page.Size + 1,
            offset = query.Page.Offset,
        };
        var items = await LoadAsync(c, null, RecommendationSelect + filter + order + " limit @limit offset @offset", parameters, ct);
        var total = await c.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            select count(*)::int from recommendations r
            join inspections i on i.inspection_id = r.inspection_id
            join providers a on a.provider_id = r.addressee_provider_id
            """ + filter, parameters, cancellationToken: ct));
        return query.Page.ToPage(items) with { Total = total };
    }

    /// <summary>Moves the recommendation to its next version if still at the one the caller read; its row stays locked to the end of the transaction.</summary>
    public Task BumpVersionAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid recommendationId, long expectedVersion, CancellationToken ct) =>
        RowVersion.BumpAsync(c, tx, "recommendations", "recommendation_id", recommendationId, expectedVersion, "Recommendation", ct);

    /// <summary>Recommendations selected by <paramref name="sql"/> (which must start with <see cref="RecommendationSelect"/>), each with its history.</summary>
    private static async Task<IReadOnlyList<RecommendationProgress>> LoadAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, string sql, object parameters, CancellationToken ct)
    {
        var recommendations = (await c.QueryAsync<RecommendationRow>(new CommandDefinition(sql, parameters, tx, cancellationToken: ct)))
            .Select(r => r.ToRecommendation())
            .ToList();
        if (recommendations.Count == 0) return [];
        var ids = recommendations.Select(r => r.Id).ToArray();
        var history = (await c.QueryAsync<JudgementRow>(new CommandDefinition(
                JudgementRow.Select + " where j.recommendation_id = any(@ids) order by j.sequence", new { ids }, tx, cancellationToken: ct)))
            .Select(j => j.ToJudgement())
            .ToLookup(j => j.RecommendationId);
        return recommendations.Select(r => new RecommendationProgress(r, history[r.Id].ToList())).ToList();
    }

    // Row shapes Dapper fills through their constructors: each query selects exactly these columns, in this order.

    private sealed record LastRow(int Number, string AddresseeGroup);

    private sealed record RecommendationRow(
        Guid RecommendationId, Guid InspectionId, Guid InspectedProviderId, int Number, string AddresseeGroup,
        Guid AddresseeProviderId, string AddresseeName, string Text, long Version, DateOnly? InspectionPublishedOn,
        DateOnly? ImprovementPlanDue, DateOnly? ImprovementPlanReceivedOn, string RecordedBy, DateTime RecordedAt, string CorrectionReason, bool Priority)
    {
        public Recommendation ToRecommendation() =>
            new(RecommendationId, InspectionId, InspectedProviderId, Number, Domain.Recommendations.AddresseeGroup.FromWord(AddresseeGroup), AddresseeProviderId,
                AddresseeName, Text, Version, InspectionPublishedOn, ImprovementPlanDue, RecordedBy, StoredValues.Instant(RecordedAt))
            {
                ImprovementPlanReceivedOn = ImprovementPlanReceivedOn,
                CorrectionReason = CorrectionReason,
                Priority = Priority,
            };
    }
}
