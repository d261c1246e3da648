using Dapper;
using Inspection.Recommendations.Domain.Frameworks;
using Npgsql;

namespace Inspection.Recommendations.Data;

/// <summary>The standards and key questions each recommendation is linked to (recommendation_links).</summary>
public sealed class RecommendationLinkStore(Database database)
{
    /// <summary>Makes the recommendation's links exactly <paramref name="links"/>: drops the others, adds the new ones;
    /// a link kept keeps who made it and when.</summary>
    public async Task ReplaceAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid recommendationId, IReadOnlyList<OutlineItem> links, string linkedBy, CancellationToken ct)
    {
        var kinds = links.Select(l => Word(l.Kind)).ToArray();
        var ids = links.Select(l => l.Id).ToArray();
        await c.ExecuteAsync(new CommandDefinition(
            """
            delete from recommendation_links l
            where l.recommendation_id = @recommendationId
              and not exists (select 1 from unnest(@kinds, @ids) as keep(kind, target_id) where keep.kind = l.kind and keep.target_id = l.target_id)
            """,
            new { recommendationId, kinds, ids }, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(
            """
            insert into recommendation_links (recommendation_id, kind, target_id, linked_by)
            select @recommendationId, kind, target_id, @linkedBy from unnest(@kinds, @ids) as wanted(kind, target_id)
            on conflict do nothing
            """,
            new { recommendationId, kinds, ids, linkedBy }, tx, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<StoredLink>> ListAsync(Guid recommendationId, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        return await ListAsync(c, null, recommendationId, ct);
    }

    public async Task<IReadOnlyList<StoredLink>> ListAsync(NpgsqlConnection c, NpgsqlTransaction? tx, Guid recommendationId, CancellationToken ct)
    {
        var rows = await c.QueryAsync<LinkRow>(new CommandDefinition(
            "select kind, target_id, linked_by, linked_at from recommendation_links where recommendation_id = @recommendationId",
            new { recommendationId }, tx, cancellationToken: ct));
        return rows.Select(r => new StoredLink(
                r.Kind == "standard" ? OutlineKind.Standard : OutlineKind.KeyQuestion, r.TargetId, r.LinkedBy, StoredValues.Instant(r.LinkedAt)))
            .ToList();
    }

    private static string Word(OutlineKind kind) => kind == OutlineKind.Standard ? "standard" : "key_question";

    private sealed class LinkRow
    {
        public string Kind { get; init; } = "";
        public string TargetId { get; init; } = "";
        public string LinkedBy { get; init; } = "";
        public DateTime LinkedAt { get; init; }
    }
}
