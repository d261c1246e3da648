using MathNet.Numerics.Distributions;

namespace Inspection.Statistics.Proportions;

/// <summary>
/// The Korn-Graubard interval for a proportion from a complex sample (Korn and Graubard 1998): the Clopper-Pearson
/// interval at the design's effective sample size, p(1 - p) / variance, scaled by the ratio of t quantiles for the
/// sample's and the design's degrees of freedom. Chosen because it keeps the nominal coverage at the proportions
/// inspections meet (often near 0 or 1, on 20 to 60 cases), never leaves 0 to 1, and is what R's
/// <c>svyciprop(method = "beta")</c> computes, so a statistician can check it.
/// <para>
/// Where R has no value, at 0 of n and n of n (the design variance is zero there), the effective sample size is the
/// domain count enlarged by the finite population correction, n / (1 - n/N): the Clopper-Pearson interval of a simple
/// random sample of that size drawn without replacement. A census (every stratum fully sampled) has no sampling error:
/// the interval is the estimate itself.
/// </para>
/// </summary>
public readonly record struct KornGraubardInterval(double Lower, double Upper, double EffectiveSampleSize)
{
    public static KornGraubardInterval For(DesignedProportion proportion, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(proportion);
        if (level is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(level), "a confidence level lies between 0 and 1");
        var p = proportion.Estimate;
        var alpha = 1 - level;

        var edge = p <= 0 || p >= 1 || proportion.Variance <= 0;
        var effective = edge
            ? proportion.DomainCount / (1 - proportion.SamplingFraction)
            : p * (1 - p) / proportion.Variance;
        if (double.IsInfinity(effective) || proportion.Variance <= 0 && p > 0 && p < 1)
            return new KornGraubardInterval(p, p, double.PositiveInfinity);

        // Fewer design degrees of freedom than cases widen the interval; with none to spare there is no t to take.
        var df = proportion.DegreesOfFreedom;
        if (proportion.DomainCount > 1 && df >= 1)
        {
            var ratio = StudentT.InvCDF(0, 1, proportion.DomainCount - 1, alpha / 2) / StudentT.InvCDF(0, 1, df, alpha / 2);
            effective *= ratio * ratio;
        }

        var lower = p <= 0 ? 0 : Beta.InvCDF(effective * p, effective * (1 - p) + 1, alpha / 2);
        var upper = p >= 1 ? 1 : Beta.InvCDF(effective * p + 1, effective * (1 - p), 1 - alpha / 2);
        return new KornGraubardInterval(lower, upper, effective);
    }

    /// <summary>Half the interval's width: the achieved margin of error, in the proportion's own units.</summary>
    public double HalfWidth => (Upper - Lower) / 2;
}
