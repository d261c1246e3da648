using Dapper;
using Inspection.Contracts.Vocabularies;
using Inspection.Recommendations.Domain.SaidAndFound;

namespace Inspection.Recommendations.Data;

/// <summary>
/// What providers said against what the inspectorate found, read as it is stored: each progress judgement of a
/// recommendation whose addressee reported a status (the judgement's latest revision at its inspection), with the
/// judging inspection's dates and the addressee, and the reported statuses in the order they were reported. The
/// comparison is the domain's (SaidAgainstFound).
/// </summary>
public sealed class SaidAgainstFoundStore(Database database)
{
    public async Task<IReadOnlyList<JudgedRecommendation>> JudgedAfterReportsAsync(CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var judged = (await c.QueryAsync<JudgementRow>(new CommandDefinition(
            """
            select distinct on (j.recommendation_id, j.inspection_id)
                   j.recommendation_id, r.addressee_provider_id, a.name as addressee_name, a.region as addressee_region, j.judgement,
                   i.fieldwork_start, i.published_on, j.recorded_at
            from progress_judgements j
            join recommendations r on r.recommendation_id = j.recommendation_id
            join providers a on a.provider_id = r.addressee_provider_id
            join inspections i on i.inspection_id = j.inspection_id
            where exists (select 1 from reported_statuses s where s.recommendation_id = j.recommendation_id)
            order by j.recommendation_id, j.inspection_id, j.revision desc
            """, cancellationToken: ct))).ToList();
        if (judged.Count == 0) return [];
        var ids = judged.Select(j => j.RecommendationId).Distinct().ToArray();
        var reported = (await c.QueryAsync<ClaimRow>(new CommandDefinition(
                "select recommendation_id, status, reported_on from reported_statuses where recommendation_id = any(@ids) order by reported_on, sequence",
                new { ids }, cancellationToken: ct)))
            .ToLookup(s => s.RecommendationId, s => new ReportedClaim(WireWords.ReportedProgressWords.Parse("status", s.Status), s.ReportedOn));
        return judged.Select(j => j.ToJudged(reported[j.RecommendationId].ToList())).ToList();
    }

    // Row shapes Dapper fills through their constructors: each query selects exactly these columns, in this order.

    private sealed record JudgementRow(
        Guid RecommendationId, Guid AddresseeProviderId, string AddresseeName, string AddresseeRegion, string Judgement,
        DateOnly? FieldworkStart, DateOnly? PublishedOn, DateTime RecordedAt)
    {
        public JudgedRecommendation ToJudged(IReadOnlyList<ReportedClaim> reported) =>
            new(RecommendationId, AddresseeProviderId, AddresseeName, AddresseeRegion, WireWords.ProgressWords.Parse("judgement", Judgement),
                FieldworkStart, PublishedOn, StoredValues.Instant(RecordedAt), reported);
    }

    private sealed record ClaimRow(Guid RecommendationId, string Status, DateOnly ReportedOn);
}
