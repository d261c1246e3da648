using Dapper;
using Inspection.Contracts.Vocabularies;
using Inspection.Domain.Vocabularies;
using Inspection.Recommendations.Domain.Plans;
using Npgsql;

namespace Inspection.Recommendations.Data;

/// <summary>
/// Recommendation plans (migration 0008): the plan row (version and response), actions with their append-only target
/// dates, updates and reported statuses. Reads open their own connection; writes run in the caller's transaction, after
/// <see cref="LockAsync"/> has taken the plan's row.
/// </summary>
public sealed class PlanStore(Database database)
{
    private const string PlanSelect =
        """
        select r.recommendation_id, r.inspection_id, i.framework_id, r.number, r.addressee_provider_id, a.name as addressee_name, r.text, r.priority,
               i.published_on as inspection_published_on, coalesce(p.version, 1) as version, p.response,
               coalesce(p.response_reason, '') as response_reason, p.responded_on, p.response_source,
               coalesce(p.response_recorded_by, '') as response_recorded_by, p.response_recorded_at
        from recommendations r
        join inspections i on i.inspection_id = r.inspection_id
        join providers a on a.provider_id = r.addressee_provider_id
        left join recommendation_plans p on p.recommendation_id = r.recommendation_id
        """;

    public async Task<RecommendationPlan> GetAsync(Guid recommendationId, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        return await GetAsync(c, null, recommendationId, ct);
    }

    public async Task<RecommendationPlan> GetAsync(NpgsqlConnection c, NpgsqlTransaction? tx, Guid recommendationId, CancellationToken ct) =>
        (await LoadAsync(c, tx, PlanSelect + " where r.recommendation_id = @recommendationId", new { recommendationId }, ct)).SingleOrDefault()
        ?? throw new NotFoundException("Recommendation", Identifier.Format(recommendationId));

    public async Task<IReadOnlyList<RecommendationPlan>> ForInspectionAsync(Guid inspectionId, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        return await ForInspectionAsync(c, null, inspectionId, ct);
    }

    public Task<IReadOnlyList<RecommendationPlan>> ForInspectionAsync(NpgsqlConnection c, NpgsqlTransaction? tx, Guid inspectionId, CancellationToken ct) =>
        LoadAsync(c, tx, PlanSelect + " where r.inspection_id = @inspectionId order by r.number", new { inspectionId }, ct);

    /// <summary>The plans of recommendations addressed to one of <paramref name="addressees"/> (null: all), for the action lists.</summary>
    public async Task<IReadOnlyList<RecommendationPlan>> AddressedToAsync(Guid[]? addressees, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        return await LoadAsync(c, null,
            PlanSelect + " where (@addressees::uuid[] is null or r.addressee_provider_id = any(@addressees))"
                       + " and exists (select 1 from plan_actions pa where pa.recommendation_id = r.recommendation_id) order by i.published_on, r.inspection_id, r.number",
            new { addressees }, ct);
    }

    /// <summary>The plans of every priority recommendation of a published inspection (causes for concern, issue 23).</summary>
    public Task<IReadOnlyList<RecommendationPlan>> PriorityAsync(NpgsqlConnection c, NpgsqlTransaction? tx, CancellationToken ct) =>
        LoadAsync(c, tx, PlanSelect + " where r.priority and i.published_on is not null order by r.inspection_id, r.number", new { }, ct);

    /// <summary>The recommendation an action belongs to; NOT_FOUND for an unknown action.</summary>
    public async Task<Guid> RecommendationOfActionAsync(Guid actionId, CancellationToken ct)
    {
        return await database.QuerySingleOrDefaultAsync<Guid?>(
                   "select recommendation_id from plan_actions where action_id = @actionId", new { actionId }, ct)
               ?? throw new NotFoundException("Action", Identifier.Format(actionId));
    }

    /// <summary>Takes the plan's row (made at version 1 the first time) to the end of the transaction and reads the plan.</summary>
    public async Task<RecommendationPlan> LockAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid recommendationId, CancellationToken ct)
    {
        // The recommendation must exist before its plan row can (NOT_FOUND rather than a foreign-key error).
        await GetAsync(c, tx, recommendationId, ct);
        await c.ExecuteAsync(new CommandDefinition(
            """
            insert into recommendation_plans (recommendation_id) values (@recommendationId) on conflict do nothing;
            select version from recommendation_plans where recommendation_id = @recommendationId for update;
            """, new { recommendationId }, tx, cancellationToken: ct));
        return await GetAsync(c, tx, recommendationId, ct);
    }

    public Task BumpAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid recommendationId, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(
            "update recommendation_plans set version = version + 1 where recommendation_id = @recommendationId", new { recommendationId }, tx, cancellationToken: ct));

    public Task SetResponseAsync(NpgsqlConnection c, NpgsqlTransaction tx, NewResponse response, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(
            """
            update recommendation_plans set response = @word, response_reason = @reason, responded_on = @on, response_source = @source,
                   response_recorded_by = @by, response_recorded_at = now()
            where recommendation_id = @id
            """,
            new { id = response.RecommendationId, word = response.Response.Word(), reason = response.Reason,
                on = StoredValues.AsDate(response.RespondedOn), source = response.Source.Word(), by = response.RecordedBy },
            tx, cancellationToken: ct));

    public async Task<Guid> InsertActionAsync(NpgsqlConnection c, NpgsqlTransaction tx, NewPlanAction action, int number, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        await c.ExecuteAsync(new CommandDefinition(
            """
            insert into plan_actions (action_id, recommendation_id, number, description, owner_role, owner_name, status, source, recorded_by)
            values (@id, @recommendationId, @number, @description, @ownerRole, @ownerName, @status, @source, @by);
            insert into action_target_dates (action_id, revision, target_date, reason, source, recorded_by)
            values (@id, 1, @targetDate, '', @source, @by);
            """,
            new
            {
                id, action.RecommendationId, number, action.Description, action.OwnerRole, action.OwnerName, status = action.Status.Word(),
                source = action.Source.Word(), by = action.RecordedBy, targetDate = StoredValues.AsDate(action.TargetDate),
            },
            tx, cancellationToken: ct));
        return id;
    }

    public Task UpdateActionAsync(NpgsqlConnection c, NpgsqlTransaction tx, PlanActionChange change, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(
            """
            update plan_actions set description = @description, owner_role = @ownerRole, owner_name = @ownerName, status = @status, status_reason = @statusReason
            where action_id = @actionId
            """,
            new { change.ActionId, change.Description, change.OwnerRole, change.OwnerName, status = change.Status.Word(), change.StatusReason },
            tx, cancellationToken: ct));

    public Task InsertTargetDateAsync(NpgsqlConnection c, NpgsqlTransaction tx, TargetDateChange change, int revision, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(
            """
            insert into action_target_dates (action_id, revision, target_date, reason, source, recorded_by)
            values (@actionId, @revision, @targetDate, @reason, @source, @by)
            """,
            new { change.ActionId, revision, targetDate = StoredValues.AsDate(change.TargetDate), change.Reason, source = change.Source.Word(), by = change.RecordedBy },
            tx, cancellationToken: ct));

    public Task InsertUpdateAsync(NpgsqlConnection c, NpgsqlTransaction tx, NewPlanUpdate update, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(
            """
            insert into plan_updates (update_id, recommendation_id, kind, occurred_on, author, text, source, recorded_by)
            values (@id, @recommendationId, @kind, @on, @author, @text, @source, @by)
            """,
            new
            {
                id = Guid.CreateVersion7(), update.RecommendationId, kind = update.Kind.Word(), on = StoredValues.AsDate(update.OccurredOn), update.Author, update.Text,
                source = update.Source.Word(), by = update.RecordedBy,
            },
            tx, cancellationToken: ct));

    public Task InsertStatusAsync(NpgsqlConnection c, NpgsqlTransaction tx, NewReportedStatus status, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(
            """
            insert into reported_statuses (recommendation_id, status, reported_on, note, source, recorded_by)
            values (@recommendationId, @status, @on, @note, @source, @by)
            """,
            new { status.RecommendationId, status = status.Status.Word(),
                on = StoredValues.AsDate(status.ReportedOn), status.Note, source = status.Source.Word(), by = status.RecordedBy },
            tx, cancellationToken: ct));

    private static async Task<IReadOnlyList<RecommendationPlan>> LoadAsync(NpgsqlConnection c, NpgsqlTransaction? tx, string sql, object parameters, CancellationToken ct)
    {
        var rows = (await c.QueryAsync<PlanRow>(new CommandDefinition(sql, parameters, tx, cancellationToken: ct))).ToList();
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => r.RecommendationId).ToArray();
        var dates = (await c.QueryAsync<DateRow>(new CommandDefinition(
                $"select {DateRow.Columns} from action_target_dates d join plan_actions a on a.action_id = d.action_id where a.recommendation_id = any(@ids) order by d.revision",
                new { ids }, tx, cancellationToken: ct)))
            .ToLookup(d => d.ActionId, d => d.ToTargetDate());
        var actions = (await c.QueryAsync<ActionRow>(new CommandDefinition(
                $"select {ActionRow.Columns} from plan_actions where recommendation_id = any(@ids) order by number", new { ids }, tx, cancellationToken: ct)))
            .ToLookup(a => a.RecommendationId, a => a.ToAction(dates[a.ActionId].ToList()));
        var updates = (await c.QueryAsync<UpdateRow>(new CommandDefinition(
                $"select {UpdateRow.Columns} from plan_updates where recommendation_id = any(@ids) order by occurred_on, recorded_at", new { ids }, tx, cancellationToken: ct)))
            .ToLookup(u => u.RecommendationId, u => u.ToUpdate());
        var statuses = (await c.QueryAsync<StatusRow>(new CommandDefinition(
                $"select {StatusRow.Columns} from reported_statuses where recommendation_id = any(@ids) order by reported_on, sequence", new { ids }, tx, cancellationToken: ct)))
            .ToLookup(s => s.RecommendationId, s => s.ToStatus());
        return rows.Select(r => r.ToPlan(actions[r.RecommendationId].ToList(), updates[r.RecommendationId].ToList(), statuses[r.RecommendationId].ToList())).ToList();
    }

    // Row shapes Dapper fills through their constructors: each query selects exactly these columns, in this order
    // (PlanSelect for a plan, each row's Columns for the rest; a plan without a recommendation_plans row reads no response).

    private sealed record PlanRow(
        Guid RecommendationId, Guid InspectionId, string FrameworkId, int Number, Guid AddresseeProviderId, string AddresseeName, string Text,
        bool Priority, DateOnly? InspectionPublishedOn, long Version,
        string? Response, string ResponseReason, DateOnly? RespondedOn, string? ResponseSource, string ResponseRecordedBy, DateTime? ResponseRecordedAt)
    {
        public RecommendationPlan ToPlan(IReadOnlyList<PlanAction> actions, IReadOnlyList<RecordedUpdate> updates, IReadOnlyList<RecordedStatus> statuses) =>
            new(RecommendationId, InspectionId, FrameworkId, Number, AddresseeProviderId, AddresseeName, Text, Priority, InspectionPublishedOn, Version,
                Response is null
                    ? null
                    : new RecordedResponse(WireWords.AddresseeResponses.Parse("response", Response), ResponseReason, RespondedOn!.Value,
                        WireWords.PlanSources.Parse("source", ResponseSource), ResponseRecordedBy, StoredValues.Instant(ResponseRecordedAt!.Value)),
                actions, updates, statuses);
    }

    private sealed record ActionRow(
        Guid ActionId, Guid RecommendationId, int Number, string Description, string OwnerRole, string OwnerName,
        string Status, string StatusReason, string Source, string RecordedBy, DateTime RecordedAt)
    {
        public const string Columns =
            "action_id, recommendation_id, number, description, owner_role, owner_name, status, status_reason, source, recorded_by, recorded_at";

        public PlanAction ToAction(IReadOnlyList<TargetDate> dates) =>
            new(ActionId, RecommendationId, Number, Description, OwnerRole, OwnerName, WireWords.PlanActionStatuses.Parse("status", Status), StatusReason, dates,
                WireWords.PlanSources.Parse("source", Source), RecordedBy, StoredValues.Instant(RecordedAt));
    }

    private sealed record DateRow(
        Guid ActionId, int Revision, DateOnly TargetDate, string Reason, string Source, string RecordedBy, DateTime RecordedAt)
    {
        public const string Columns = "d.action_id, d.revision, d.target_date, d.reason, d.source, d.recorded_by, d.recorded_at";

        public TargetDate ToTargetDate() =>
            new(Revision, TargetDate, Reason, WireWords.PlanSources.Parse("source", Source), RecordedBy, StoredValues.Instant(RecordedAt));
    }

    private sealed record UpdateRow(
        Guid UpdateId, Guid RecommendationId, string Kind, DateOnly OccurredOn, string Author, string Text,
        string Source, string RecordedBy, DateTime RecordedAt)
    {
        public const string Columns = "update_id, recommendation_id, kind, occurred_on, author, text, source, recorded_by, recorded_at";

        public RecordedUpdate ToUpdate() =>
            new(UpdateId, WireWords.PlanUpdateKinds.Parse("kind", Kind), OccurredOn, Author, Text, WireWords.PlanSources.Parse("source", Source),
                RecordedBy, StoredValues.Instant(RecordedAt));
    }

    private sealed record StatusRow(
        Guid RecommendationId, string Status, DateOnly ReportedOn, string Note, string Source, string RecordedBy, DateTime RecordedAt)
    {
        public const string Columns = "recommendation_id, status, reported_on, note, source, recorded_by, recorded_at";

        public RecordedStatus ToStatus() =>
            new(WireWords.ReportedProgressWords.Parse("status", Status), ReportedOn, Note, WireWords.PlanSources.Parse("source", Source),
                RecordedBy, StoredValues.Instant(RecordedAt));
    }
}
