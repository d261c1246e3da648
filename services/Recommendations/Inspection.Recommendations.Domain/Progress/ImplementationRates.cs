using Inspection.Statistics.Comparisons;

namespace Inspection.Recommendations.Domain.Progress;

/// <summary>A recommendation of a published inspection, and what it was judged at the first published inspection
/// that judged it (its latest revision there), if any.</summary>
public sealed record MadeRecommendation(int YearMade, string AddresseeGroup, string Region, string? FirstJudgement, string? JudgedUnderFramework);

/// <summary>Recommendations made in one year, to one addressee group, in one region, and how many were judged
/// Sufficient progress (the closing word) at the next inspection, with the 95% Wilson interval of the share.</summary>
public sealed record ImplementationRate(int YearMade, string AddresseeGroup, string Region, int Made, int Judged, int Sufficient)
{
    /// <summary>The share judged sufficient, in percent to one decimal place; 0 when none is judged.</summary>
    public double RatePct => Judged == 0 ? 0 : Math.Round(100.0 * Sufficient / Judged, 1, MidpointRounding.AwayFromZero);

    /// <summary>Inspection.Statistics' Wilson score interval (95%) in percentage points; (0, 0) when none is judged.</summary>
    public (double LowerPct, double UpperPct) Wilson
    {
        get
        {
            if (Judged == 0) return (0, 0);
            var estimate = ProportionDifference.Estimate.Wilson(Sufficient, Judged);
            return (Math.Round(estimate.Lower * 100, 1, MidpointRounding.AwayFromZero), Math.Round(estimate.Upper * 100, 1, MidpointRounding.AwayFromZero));
        }
    }

    /// <summary>
    /// The rates by year made, addressee group and region (in that order). A recommendation counts as judged when a
    /// later published inspection judged it; judged sufficient when that first judgement is the closing word of the
    /// judging inspection's programme (<paramref name="closes"/>).
    /// </summary>
    public static IReadOnlyList<ImplementationRate> Of(IEnumerable<MadeRecommendation> made, Func<string, string, bool> closes) =>
        made.GroupBy(m => (m.YearMade, m.AddresseeGroup, m.Region))
            .OrderBy(g => g.Key.YearMade).ThenBy(g => g.Key.AddresseeGroup, StringComparer.Ordinal).ThenBy(g => g.Key.Region, StringComparer.Ordinal)
            .Select(g => new ImplementationRate(g.Key.YearMade, g.Key.AddresseeGroup, g.Key.Region, g.Count(),
                g.Count(m => m.FirstJudgement is not null),
                g.Count(m => m.FirstJudgement is { } word && m.JudgedUnderFramework is { } framework && closes(framework, word))))
            .ToList();
}
