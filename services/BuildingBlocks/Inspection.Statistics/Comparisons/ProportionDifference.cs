namespace Inspection.Statistics.Comparisons;

/// <summary>
/// The difference of two independent proportions, p1 - p2, with Newcombe's hybrid score interval (Newcombe 1998,
/// method 10): built from each proportion's own interval (l, u) as
/// <c>D - sqrt((p1 - l1)^2 + (u2 - p2)^2)</c> to <c>D + sqrt((u1 - p1)^2 + (p2 - l2)^2)</c>. With Wilson intervals it is
/// Newcombe's method 10 exactly; given design-based intervals it carries the design into the difference the same way
/// (the square-and-add of each side's distance to its own limit). Proportions in the unit interval, not percentages.
/// </summary>
public readonly record struct ProportionDifference(double Difference, double Lower, double Upper)
{
    /// <summary>The interval holds only values above zero: the first proportion is higher.</summary>
    public bool WhollyAboveZero => Lower > 0;

    /// <summary>The interval holds only values below zero: the first proportion is lower.</summary>
    public bool WhollyBelowZero => Upper < 0;

    /// <summary>Newcombe's hybrid interval from two proportions and their own intervals (each lower ≤ p ≤ upper).</summary>
    public static ProportionDifference Newcombe(Estimate first, Estimate second)
    {
        var difference = first.Proportion - second.Proportion;
        var below = Math.Sqrt(Square(first.Proportion - first.Lower) + Square(second.Upper - second.Proportion));
        var above = Math.Sqrt(Square(first.Upper - first.Proportion) + Square(second.Proportion - second.Lower));
        return new ProportionDifference(difference, difference - below, difference + above);
    }

    /// <summary>Newcombe's method 10 on two simple random samples: each proportion with its Wilson score interval.</summary>
    public static ProportionDifference NewcombeWilson(int firstYes, int firstCount, int secondYes, int secondCount, double level = 0.95) =>
        Newcombe(Estimate.Wilson(firstYes, firstCount, level), Estimate.Wilson(secondYes, secondCount, level));

    private static double Square(double x) => x * x;

    /// <summary>One proportion with its interval, in the unit interval.</summary>
    public readonly record struct Estimate
    {
        public Estimate(double proportion, double lower, double upper)
        {
            if (proportion is < 0 or > 1 || double.IsNaN(proportion)) throw new ArgumentOutOfRangeException(nameof(proportion), "a proportion lies between 0 and 1");
            // Intervals computed elsewhere may miss their estimate by rounding; more than that is a caller's mistake.
            const double slack = 1e-12;
            if (!(lower <= proportion + slack && proportion <= upper + slack && lower >= -slack && upper <= 1 + slack))
                throw new ArgumentOutOfRangeException(nameof(lower), "an interval holds its proportion and lies between 0 and 1");
            Proportion = proportion;
            Lower = Math.Min(lower, proportion);
            Upper = Math.Max(upper, proportion);
        }

        public double Proportion { get; }
        public double Lower { get; }
        public double Upper { get; }

        /// <summary>k of n with the Wilson score interval (a simple random sample).</summary>
        public static Estimate Wilson(int yes, int count, double level = 0.95)
        {
            if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), "a proportion needs at least one case");
            if (yes < 0 || yes > count) throw new ArgumentOutOfRangeException(nameof(yes), "a Yes count lies between 0 and its count");
            if (level is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(level), "a confidence level lies between 0 and 1");
            var z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 1 - (1 - level) / 2);
            double n = count;
            var p = yes / n;
            var z2 = z * z;
            var denominator = 1 + z2 / n;
            var centre = (p + z2 / (2 * n)) / denominator;
            var half = z / denominator * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
            // At 0 of n and n of n the score interval's own edge is the estimate: keep it there exactly.
            var lower = yes == 0 ? 0 : Math.Max(0, centre - half);
            var upper = yes == count ? 1 : Math.Min(1, centre + half);
            return new Estimate(p, lower, upper);
        }
    }
}
