namespace Inspection.Scoring.Domain.Rollup;

/// <summary>
/// Case-standard results across many inspections of one framework: national k of n per key question, and how many
/// inspections each standard's computed rating put in each band (README section 8, trends across providers).
/// </summary>
public sealed record NationalRollup(
    string FrameworkId,
    int Inspections,
    IReadOnlyList<RollupKeyQuestion> KeyQuestions,
    IReadOnlyList<RollupStandard> Standards)
{
    /// <param name="framework">The framework reported on (its current version).</param>
    /// <param name="inspections">Per inspection, the framework version it is pinned to and k and n per key question
    /// (from SQL's GROUP BY, or as published); each is rated under its own version, unless it was published, when its
    /// ratings are those published.</param>
    public static NationalRollup Compute(Framework framework, IReadOnlyList<RollupInspection> inspections)
    {
        var totals = framework.CaseKeyQuestions.ToDictionary(k => k.Id, _ => (Yes: 0L, Applicable: 0L), StringComparer.Ordinal);
        var distribution = framework.Standards.Where(s => s.IsRatedFromCases)
            .ToDictionary(s => s.Id, _ => new Dictionary<string, int>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var (pinned, counts, asPublished) in inspections)
        {
            foreach (var (questionId, count) in counts)
            {
                if (!totals.TryGetValue(questionId, out var total)) continue;
                totals[questionId] = (total.Yes + count.Yes, total.Applicable + count.Applicable);
            }
            var computed = asPublished ?? InspectionRater.Rate(pinned, RatingInputs.FromCases(counts)).Standards
                .Where(s => s.Standard.IsRatedFromCases && s.ComputedRating is not null)
                .ToDictionary(s => s.Standard.Id, s => s.ComputedRating!, StringComparer.Ordinal);
            foreach (var (standardId, rating) in computed)
            {
                if (!distribution.TryGetValue(standardId, out var bucket)) continue;
                bucket[rating] = bucket.GetValueOrDefault(rating) + 1;
            }
        }
        var keyQuestions = framework.CaseKeyQuestions
            .Select(k => new RollupKeyQuestion(k.Id, k.StandardId, totals[k.Id].Yes, totals[k.Id].Applicable))
            .ToList();
        var standards = framework.Standards.Where(s => s.IsRatedFromCases)
            .Select(s => new RollupStandard(s.Id, s.Name, distribution[s.Id]))
            .ToList();
        return new NationalRollup(framework.Id, inspections.Count, keyQuestions, standards);
    }
}
