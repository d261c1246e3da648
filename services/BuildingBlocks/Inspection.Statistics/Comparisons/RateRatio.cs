using MathNet.Numerics.Distributions;

namespace Inspection.Statistics.Comparisons;

/// <summary>
/// One group's Yes rate over another's (the relative rate index) with its confidence interval by Katz's log method:
/// log ratio plus or minus z times sqrt(1/a - 1/n1 + 1/c - 1/n2). Needs a Yes in each group; with none, the ratio is 0
/// or undefined and no interval on the log scale exists.
/// </summary>
public readonly record struct RateRatio(double Ratio, double Lower, double Upper)
{
    public static RateRatio? For(int groupYes, int groupCount, int otherYes, int otherCount, double level = 0.95)
    {
        if (groupCount < 1 || otherCount < 1) throw new ArgumentOutOfRangeException(nameof(groupCount), "each group needs at least one case");
        if (groupYes < 0 || groupYes > groupCount || otherYes < 0 || otherYes > otherCount)
            throw new ArgumentOutOfRangeException(nameof(groupYes), "a Yes count lies between 0 and its group's count");
        if (level is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(level), "a confidence level lies between 0 and 1");
        if (groupYes == 0 || otherYes == 0) return null;
        var ratio = (double)groupYes / groupCount / ((double)otherYes / otherCount);
        var standardError = Math.Sqrt(1.0 / groupYes - 1.0 / groupCount + 1.0 / otherYes - 1.0 / otherCount);
        var z = Normal.InvCDF(0, 1, 1 - (1 - level) / 2);
        return new RateRatio(ratio, ratio * Math.Exp(-z * standardError), ratio * Math.Exp(z * standardError));
    }
}
