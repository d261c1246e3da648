namespace Inspection.Recommendations.Domain.Concerns;

/// <summary>
/// Kind "repeated_judgement": the same progress judgement (No progress) at a number of inspections in a row for
/// recommendations on the same standard. The inspections in a row are the provider's and its predecessors', in date
/// order; the provider flagged is the one whose inspection ends the run, so a run ending at a predecessor's inspection
/// flags the predecessor and not its successor again. Met on the last inspection's date.
/// </summary>
public sealed class RepeatedJudgementRule(ConcernRuleDefinition definition, string judgement, int successive) : IConcernRule
{
    public const string Kind = "repeated_judgement";

    public ConcernRuleDefinition Definition => definition;

    public IEnumerable<ConcernFinding> Find(ConcernFacts facts, DateOnly today)
    {
        var dated = facts.Inspections.Where(i => i.Date is not null).ToDictionary(i => i.Id);
        var judged = facts.Judgements
            .Where(j => dated.ContainsKey(j.JudgedAt) && string.Equals(j.Judgement.Trim(), judgement, StringComparison.OrdinalIgnoreCase))
            .ToLookup(j => j.JudgedAt);
        foreach (var providerId in dated.Values.Select(i => i.ProviderId).Distinct())
        {
            var line = facts.Ancestry.LineOf(providerId);
            var ordered = dated.Values.Where(i => line.Contains(i.ProviderId)).OrderBy(i => i.Date).ThenBy(i => i.Id).ToList();
            for (var last = successive - 1; last < ordered.Count; last++)
            {
                if (ordered[last].ProviderId != providerId) continue;
                var run = ordered.GetRange(last - successive + 1, successive);
                foreach (var finding in FindingsIn(run, judged, providerId, dated)) yield return finding;
            }
        }
    }

    private IEnumerable<ConcernFinding> FindingsIn(
        IReadOnlyList<InspectionFacts> run, ILookup<Guid, JudgementFacts> judged, Guid providerId, IReadOnlyDictionary<Guid, InspectionFacts> inspections)
    {
        // The standards judged so at every inspection of the run, compared by name without regard to case or spacing.
        var common = run
            .Select(i => judged[i.Id].SelectMany(j => j.Standards).Select(Standard).ToHashSet(StringComparer.Ordinal))
            .Aggregate((a, b) => { a.IntersectWith(b); return a; });
        foreach (var standard in common.Order(StringComparer.Ordinal))
        {
            var met = run.SelectMany(i => judged[i.Id].Where(j => j.Standards.Any(s => Standard(s) == standard))).ToList();
            var name = met.SelectMany(j => j.Standards).First(s => Standard(s) == standard).Trim();
            var records = run.Select(i => ConcernRecord.Inspection(i.Id, Capitalised(i.InWords)))
                .Concat(met.DistinctBy(j => j.RecommendationId).Select(j => ConcernRecord.Recommendation(j.RecommendationId,
                    $"Recommendation {j.Number} of {(inspections.TryGetValue(j.MadeAt, out var made) ? made.InWords : "an earlier inspection")}")))
                .ToList();
            var dates = string.Join(" and ", run.Select(i => DateInWords.Of(i.Date!.Value)));
            yield return new ConcernFinding(definition, providerId, run[^1].Date!.Value,
                $"{judgement} judged on the standard '{name}' at {run.Count} inspections in a row (from {dates}).", records);
        }
    }

    private static string Standard(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    internal static string Capitalised(string words) => words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
}
