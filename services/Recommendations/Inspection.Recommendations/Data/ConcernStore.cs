using System.Text.Json;
using Dapper;
using Inspection.Recommendations.Domain.Concerns;
using Npgsql;

namespace Inspection.Recommendations.Data;

/// <summary>
/// Causes for concern (migration 0010). Raising inserts nothing when the rule, provider and records are flagged
/// already, open or closed (the unique key decides, so two sweeps at once raise a flag once). Reads open their own
/// connection; writes run in the caller's transaction.
/// </summary>
public sealed class ConcernStore(Database database)
{
    private const string Select =
        """
        select f.concern_id, f.provider_id, p.name as provider_name, f.rule_id, f.rule_version, f.rule_title, f.detail, f.records::text as records,
               f.met_on, f.raised_at, f.version, f.closed_by, f.closed_at, f.close_reason
        from causes_for_concern f join providers p on p.provider_id = f.provider_id
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Flags the finding unless it is flagged already; the new flag's id, or null when nothing was raised.</summary>
    public Task<Guid?> RaiseAsync(NpgsqlConnection c, NpgsqlTransaction tx, ConcernFinding finding, CancellationToken ct) =>
        c.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            """
            insert into causes_for_concern (concern_id, provider_id, rule_id, rule_version, rule_title, detail, records, records_key, met_on)
            values (@id, @ProviderId, @ruleId, @ruleVersion, @title, @Detail, @records::jsonb, @RecordsKey, @metOn)
            on conflict on constraint causes_for_concern_flag_key do nothing
            returning concern_id
            """,
            new
            {
                id = Guid.CreateVersion7(), finding.ProviderId, ruleId = finding.Rule.Id, ruleVersion = finding.Rule.Version, title = finding.Rule.Title,
                finding.Detail, records = JsonSerializer.Serialize(finding.Records, Json), finding.RecordsKey, metOn = StoredValues.AsDate(finding.MetOn),
            },
            tx, cancellationToken: ct));

    public async Task<CauseForConcern> GetAsync(Guid concernId, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        return await GetAsync(c, null, concernId, ct);
    }

    public async Task<CauseForConcern> GetAsync(NpgsqlConnection c, NpgsqlTransaction? tx, Guid concernId, CancellationToken ct, bool forUpdate = false) =>
        (await c.QueryAsync<Row>(new CommandDefinition(
            Select + " where f.concern_id = @concernId" + (forUpdate ? " for update of f" : ""), new { concernId }, tx, cancellationToken: ct)))
        .SingleOrDefault()?.ToConcern() ?? throw new NotFoundException("Cause for concern", Identifier.Format(concernId));

    public async Task<IReadOnlyList<CauseForConcern>> GetManyAsync(NpgsqlConnection c, NpgsqlTransaction? tx, Guid[] ids, CancellationToken ct) =>
        (await c.QueryAsync<Row>(new CommandDefinition(Select + " where f.concern_id = any(@ids) order by f.raised_at, f.concern_id", new { ids }, tx, cancellationToken: ct)))
        .Select(r => r.ToConcern()).ToList();

    public async Task<IReadOnlyList<CauseForConcern>> GetManyAsync(Guid[] ids, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        return await GetManyAsync(c, null, ids, ct);
    }

    /// <summary>The providers with at least one open cause for concern (the reminders' filter).</summary>
    public async Task<IReadOnlySet<Guid>> OpenProviderIdsAsync(CancellationToken ct)
    {
        return (await database.QueryAsync<Guid>(
            "select distinct provider_id from causes_for_concern where closed_at is null", null, ct)).ToHashSet();
    }

    public async Task<IReadOnlyList<CauseForConcern>> ListAsync(ConcernQuery query, CancellationToken ct)
    {
        return (await database.QueryAsync<Row>(
                Select + "\n" + """
                          where (@providerId::uuid is null or f.provider_id = @providerId)
                            and (@includeClosed or f.closed_at is null)
                            and (not @closedOnly or f.closed_at is not null)
                          order by coalesce(f.closed_at, f.raised_at) desc, f.concern_id
                          """,
                new { providerId = query.ProviderId, includeClosed = query.IncludeClosed, closedOnly = query.ClosedOnly }, ct))
            .Select(r => r.ToConcern()).ToList();
    }

    public Task CloseAsync(NpgsqlConnection c, NpgsqlTransaction tx, CloseConcern close, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(
            """
            update causes_for_concern set closed_by = @ClosedBy, closed_at = now(), close_reason = @Reason, version = version + 1
            where concern_id = @ConcernId and closed_at is null
            """, close, tx, cancellationToken: ct));

    // The row shape Dapper fills through its constructor: Select reads exactly these columns, in this order.
    private sealed record Row(
        Guid ConcernId, Guid ProviderId, string ProviderName, string RuleId, int RuleVersion, string RuleTitle, string Detail, string Records,
        DateOnly MetOn, DateTime RaisedAt, long Version, string? ClosedBy, DateTime? ClosedAt, string? CloseReason)
    {
        public CauseForConcern ToConcern() =>
            new(ConcernId, ProviderId, ProviderName, RuleId, RuleVersion, RuleTitle, Detail,
                JsonSerializer.Deserialize<List<ConcernRecord>>(Records, Json) ?? [], MetOn, StoredValues.Instant(RaisedAt), Version,
                ClosedAt is { } at ? new ConcernClosure(ClosedBy ?? "", StoredValues.Instant(at), CloseReason ?? "") : null);
    }
}
