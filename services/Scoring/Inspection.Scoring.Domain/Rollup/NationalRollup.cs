using Inspection.Scoring.Domain.Frameworks;
using Inspection.Scoring.Domain.Ratings;

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
    /// (from SQL's GROUP BY); each inspection is rated under its own version.</param>
    public static NationalRollup Compute(Framework framework, IReadOnlyList<(Framework Framework, IReadOnlyDictionary<string, YesCount> Counts)> inspections)
    {
        var totals = framework.CaseKeyQuestions.ToDictionary(k => k.Id, _ => (Yes: 0L, Applicable: 0L), StringComparer.Ordinal);
        var distribution = framework.Standards.Where(s => s.IsRatedFromCases)
            .ToDictionary(s => s.Id, _ => new Dictionary<string, int>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var (pinned, counts) in inspections)
        {
            foreach (var (questionId, count) in counts)
            {
                if (!totals.TryGetValue(questionId, out var total)) continue;
                totals[questionId] = (total.Yes + count.Yes, total.Applicable + count.Applicable);
            }
            var ratings = InspectionRater.Rate(pinned, RatingInputs.FromCases(counts));
            foreach (var standard in ratings.Standards.Where(s => s.Standard.IsRatedFromCases && s.ComputedRating is not null))
            {
                if (!distribution.TryGetValue(standard.Standard.Id, out var bucket)) continue;
                bucket[standard.ComputedRating!] = bucket.GetValueOrDefault(standard.ComputedRating!) + 1;
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
