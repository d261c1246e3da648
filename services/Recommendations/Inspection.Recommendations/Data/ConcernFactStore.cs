using Dapper;
using Inspection.Recommendations.Domain.Concerns;
using Npgsql;

namespace Inspection.Recommendations.Data;

/// <summary>
/// Reads what the causes for concern are evaluated against, in the caller's transaction: every inspection with its
/// plan dates, each recommendation's latest judgement at each inspection with its links, and the restructures.
/// </summary>
public sealed class ConcernFactStore
{
    public async Task<IReadOnlyList<InspectionFacts>> InspectionsAsync(NpgsqlConnection c, NpgsqlTransaction? tx, CancellationToken ct) =>
        (await c.QueryAsync<InspectionRow>(new CommandDefinition(
            """
            select i.inspection_id, i.provider_id, p.name as provider_name, i.fieldwork_start, i.published_on, i.improvement_plan_due, i.improvement_plan_received_on
            from inspections i join providers p on p.provider_id = i.provider_id
            """, transaction: tx, cancellationToken: ct)))
        .Select(r => new InspectionFacts(r.InspectionId, r.ProviderId, r.ProviderName, r.FieldworkStart, r.PublishedOn,
            r.ImprovementPlanDue, r.ImprovementPlanReceivedOn))
        .ToList();

    /// <summary>Each recommendation's latest revision at each inspection that judged it, with the framework of the inspection that made it.</summary>
    public async Task<IReadOnlyList<StoredJudgement>> LatestJudgementsAsync(NpgsqlConnection c, NpgsqlTransaction? tx, CancellationToken ct) =>
        (await c.QueryAsync<StoredJudgement>(new CommandDefinition(
            """
            select distinct on (j.recommendation_id, j.inspection_id)
                   j.recommendation_id, r.number, r.inspection_id as made_at, m.framework_id, j.inspection_id as judged_at, j.judgement
            from progress_judgements j
            join recommendations r on r.recommendation_id = j.recommendation_id
            join inspections m on m.inspection_id = r.inspection_id
            order by j.recommendation_id, j.inspection_id, j.revision desc
            """, transaction: tx, cancellationToken: ct))).ToList();

    /// <summary>The links of the recommendations that have been judged: the only ones a judgement rule can use.</summary>
    public async Task<ILookup<Guid, (string Kind, string TargetId)>> JudgedLinksAsync(NpgsqlConnection c, NpgsqlTransaction? tx, CancellationToken ct) =>
        (await c.QueryAsync<LinkRow>(new CommandDefinition(
            """
            select l.recommendation_id, l.kind, l.target_id from recommendation_links l
            where exists (select 1 from progress_judgements j where j.recommendation_id = l.recommendation_id)
            """, transaction: tx, cancellationToken: ct)))
        .ToLookup(l => l.RecommendationId, l => (l.Kind, l.TargetId));

    public async Task<ProviderAncestry> AncestryAsync(NpgsqlConnection c, NpgsqlTransaction? tx, CancellationToken ct) =>
        new((await c.QueryAsync<LineageRow>(new CommandDefinition(
            "select successor_id, predecessor_id from predecessor_links", transaction: tx, cancellationToken: ct))).Select(l => (l.SuccessorId, l.PredecessorId)).ToList());

    // Row shapes Dapper fills through their constructors: each query selects exactly these columns, in this order.

    public sealed record StoredJudgement(Guid RecommendationId, int Number, Guid MadeAt, string FrameworkId, Guid JudgedAt, string Judgement);

    private sealed record LineageRow(Guid SuccessorId, Guid PredecessorId);

    private sealed record InspectionRow(
        Guid InspectionId, Guid ProviderId, string ProviderName,
        DateOnly? FieldworkStart, DateOnly? PublishedOn, DateOnly? ImprovementPlanDue, DateOnly? ImprovementPlanReceivedOn);

    private sealed record LinkRow(Guid RecommendationId, string Kind, string TargetId);
}
