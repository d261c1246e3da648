using Inspection.Data;

namespace Inspection.ServiceDefaults;

/// <summary>Reads this service's audit trail (audit.events, written by the triggers Inspection.Data installs).</summary>
internal sealed class AuditTrailStore(Database database)
{
    private const string Matching =
        """
        (@Actor::text is null or actor = @Actor)
          and (@TableName::text is null or table_name = @TableName)
          and (@TraceId::text is null or trace_id = @TraceId)
          and (@Since::timestamptz is null or occurred_at >= @Since)
          and (@Until::timestamptz is null or occurred_at < @Until)
        """;

    public Task<IReadOnlyList<AuditRow>> ListAsync(AuditQuery query, CancellationToken ct) =>
        database.QueryAsync<AuditRow>(
            $"""
            select event_id as EventId, occurred_at as OccurredAt, actor as Actor, rpc as Rpc, trace_id as TraceId,
                   table_name as TableName, operation as Operation, row_count as RowCount,
                   before::text as BeforeJson, after::text as AfterJson
            from audit.events
            where {Matching}
              and (@Before::bigint is null or event_id < @Before)
            order by event_id desc
            limit @Limit
            """, query, ct);

    /// <summary>How many events match the filters over every page (the page token aside).</summary>
    public async Task<int> CountAsync(AuditQuery query, CancellationToken ct) =>
        (int)await database.ExecuteScalarAsync<long>($"select count(*) from audit.events where {Matching}", query, ct);
}

internal sealed record AuditQuery(string? Actor, string? TableName, string? TraceId, DateTime? Since, DateTime? Until, long? Before, int Limit);

internal sealed record AuditRow(long EventId, DateTime OccurredAt, string Actor, string? Rpc, string? TraceId, string TableName,
    string Operation, int RowCount, string? BeforeJson, string? AfterJson);
