using Dapper;
using Inspection.Data;
using Inspection.Recommendations.Domain.Progress;

namespace Inspection.Recommendations.Data;

/// <summary>Every recommendation of a published inspection with the year it was made, its addressee group, the
/// inspected provider's region, and its judgement at the first published inspection that judged it (the latest
/// revision there).</summary>
public sealed class ImplementationRateStore(Database database)
{
    public async Task<IReadOnlyList<MadeRecommendation>> ListAsync(string? region, string? addresseeGroup, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            with latest as (
                select distinct on (j.recommendation_id, j.inspection_id)
                       j.recommendation_id, j.judgement, ji.published_on, ji.inspection_id, ji.framework_id
                from progress_judgements j
                join inspections ji on ji.inspection_id = j.inspection_id and ji.status = 'published'
                order by j.recommendation_id, j.inspection_id, j.revision desc),
            first_judged as (
                select distinct on (recommendation_id) recommendation_id, judgement, framework_id
                from latest order by recommendation_id, published_on, inspection_id)
            select extract(year from i.published_on)::int as YearMade, r.addressee_group as AddresseeGroup, p.region as Region,
                   f.judgement as FirstJudgement, f.framework_id as JudgedUnderFramework
            from recommendations r
            join inspections i on i.inspection_id = r.inspection_id and i.status = 'published'
            join providers p on p.provider_id = i.provider_id
            left join first_judged f on f.recommendation_id = r.recommendation_id
            where (@region::text is null or lower(p.region) = lower(@region))
              and (@addresseeGroup::text is null or r.addressee_group = @addresseeGroup)
            """, new { region, addresseeGroup }, cancellationToken: ct));
        return rows.Select(r => new MadeRecommendation(r.YearMade, r.AddresseeGroup, r.Region, r.FirstJudgement, r.JudgedUnderFramework)).ToList();
    }

    private sealed record Row(int YearMade, string AddresseeGroup, string Region, string? FirstJudgement, string? JudgedUnderFramework);
}
