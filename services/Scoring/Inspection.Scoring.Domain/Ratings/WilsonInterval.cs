namespace Inspection.Scoring.Domain.Ratings;

/// <summary>The Wilson score interval for a proportion, in percentage points (0 to 100).</summary>
public readonly record struct WilsonInterval(double LowerPct, double UpperPct)
{
    /// <summary>Two-sided 95%: the standard normal quantile at 0.975.</summary>
    public const double Z95 = 1.959963984540054;

    public static WilsonInterval For(int yes, int applicable, double z = Z95)
    {
        if (applicable <= 0) throw new ArgumentOutOfRangeException(nameof(applicable), "an interval needs at least one applicable case");
        double n = applicable;
        var p = yes / n;
        var z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = z / denominator * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new WilsonInterval(Math.Max(0, centre - half) * 100, Math.Min(1, centre + half) * 100);
    }

    public bool Contains(double pct) => LowerPct <= pct && pct <= UpperPct;
}
