using Dapper;
using Npgsql;

namespace Inspection.Recommendations.Data;

/// <summary>
/// The change log WatchChanges streams from (migration 0011): appended in the transaction of the change itself,
/// numbered in commit order without gaps, read after a watcher's cursor, pruned by age.
/// </summary>
public sealed class ChangeLogStore(Database database)
{
    /// <summary>The channel a commit that appended a change notifies; a replica's listener wakes its watchers on it.</summary>
    public const string Channel = "recommendation_changes";

    /// <summary>
    /// Numbers the change and appends it; call it last in the writing transaction. The counter row stays locked until
    /// the transaction ends, so the next change is numbered only after this one committed (or gave its number back).
    /// </summary>
    public async Task<long> AppendAsync(NpgsqlConnection c, NpgsqlTransaction tx, RecommendationChange change, CancellationToken ct)
    {
        var sequence = await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "update change_log_head set sequence = sequence + 1 returning sequence", transaction: tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(
            """
            insert into change_log (sequence, type, occurred_at, inspection_id, provider_id, recommendation_id, judgement_id,
                                    judgement, published_on, improvement_plan_due, recorded_by)
            values (@sequence, @Type, @OccurredAt, @InspectionId, @ProviderId, @RecommendationId, @JudgementId,
                    @Judgement, @publishedOn, @improvementPlanDue, @RecordedBy);
            select pg_notify(@channel, @sequence::text);
            """,
            new
            {
                sequence, change.Type, OccurredAt = change.OccurredAt.UtcDateTime, change.InspectionId, change.ProviderId,
                change.RecommendationId, change.JudgementId, change.Judgement, publishedOn = StoredValues.AsDate(change.PublishedOn),
                improvementPlanDue = StoredValues.AsDate(change.ImprovementPlanDue), change.RecordedBy, channel = Channel,
            }, tx, cancellationToken: ct));
        return sequence;
    }

    /// <summary>The newest committed change's sequence (0 before the first): a new watcher follows it.</summary>
    public async Task<long> HeadAsync(CancellationToken ct)
    {
        return await database.ExecuteScalarAsync<long>("select sequence from change_log_head", null, ct);
    }

    /// <summary>The oldest change still kept, or null when none is.</summary>
    public async Task<long?> OldestAsync(CancellationToken ct)
    {
        return await database.ExecuteScalarAsync<long?>("select min(sequence) from change_log", null, ct);
    }

    /// <summary>Up to <paramref name="limit"/> committed changes after <paramref name="cursor"/>, in sequence order.</summary>
    public async Task<IReadOnlyList<RecommendationChange>> ReadAfterAsync(long cursor, int limit, CancellationToken ct)
    {
        var rows = await database.QueryAsync<ChangeRow>(
            """
            select sequence, type, occurred_at, inspection_id, provider_id, recommendation_id, judgement_id, judgement,
                   published_on, improvement_plan_due, recorded_by
            from change_log where sequence > @cursor order by sequence limit @limit
            """, new { cursor, limit }, ct);
        return [.. rows.Select(r => r.ToChange())];
    }

    /// <summary>Deletes the changes that occurred before <paramref name="before"/>; the counter is kept, so numbering goes on.</summary>
    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken ct)
    {
        return await database.ExecuteAsync(
            "delete from change_log where occurred_at < @before", new { before = before.UtcDateTime }, ct);
    }

    private sealed class ChangeRow
    {
        public long Sequence { get; init; }
        public string Type { get; init; } = "";
        public DateTime OccurredAt { get; init; }
        public Guid InspectionId { get; init; }
        public Guid ProviderId { get; init; }
        public Guid? RecommendationId { get; init; }
        public Guid? JudgementId { get; init; }
        public string Judgement { get; init; } = "";
        public DateTime? PublishedOn { get; init; }
        public DateTime? ImprovementPlanDue { get; init; }
        public string RecordedBy { get; init; } = "";

        public RecommendationChange ToChange() => new(
            Sequence, Type, StoredValues.Instant(OccurredAt), InspectionId, ProviderId, RecommendationId, JudgementId, Judgement,
            StoredValues.FromDate(PublishedOn), StoredValues.FromDate(ImprovementPlanDue), RecordedBy);
    }
}
