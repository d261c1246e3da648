using Inspection.Statistics.Comparisons;

namespace Inspection.Scoring.Domain.Ratings;

/// <summary>The Wilson score interval for a proportion (95%), in percentage points (0 to 100).</summary>
public readonly record struct WilsonInterval(double LowerPct, double UpperPct)
{
    /// <summary>Inspection.Statistics' Wilson interval (the one comparisons between inspections use) scaled to percentages.</summary>
    public static WilsonInterval For(int yes, int applicable)
    {
        if (applicable <= 0) throw new ArgumentOutOfRangeException(nameof(applicable), "an interval needs at least one applicable case");
        var estimate = ProportionDifference.Estimate.Wilson(yes, applicable);
        return new WilsonInterval(estimate.Lower * 100, estimate.Upper * 100);
    }

    public bool Contains(double pct) => LowerPct <= pct && pct <= UpperPct;
}
