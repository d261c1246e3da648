using MathNet.Numerics;

namespace Inspection.Statistics.Composition;

/// <summary>
/// Tests whether a sample's make-up would be unusual for a random draw without replacement from its population.
/// Expected counts of 5 and over: the chi-square approximation to the corrected statistic, from the regularised upper
/// incomplete gamma function (so a tiny p-value is not lost to 1 - CDF rounding to 0). Below that: the exact
/// multivariate hypergeometric p-value where the draw's possible outcomes number at most <see cref="ExactOutcomesLimit"/>,
/// otherwise a seeded simulation of the draw itself, stated with its seed and size.
/// </summary>
public static class GoodnessOfFitTest
{
    public const double SmallExpectedBelow = 5;
    public const long ExactOutcomesLimit = 2_000_000;
    public const int DefaultSeed = 20_261_207;
    public const int DefaultDraws = 20_000;

    // Statistics equal but for rounding count as at least as large (R's chisq.test uses the same tolerance).
    private const double AlmostOne = 1 - 64 * 2.220446049250313e-16;   // 64 machine epsilons

    public static GoodnessOfFit Run(IReadOnlyList<long> populationCounts, IReadOnlyList<int> sampleCounts,
        int seed = DefaultSeed, int draws = DefaultDraws)
    {
        ArgumentNullException.ThrowIfNull(populationCounts);
        ArgumentNullException.ThrowIfNull(sampleCounts);
        if (populationCounts.Count != sampleCounts.Count)
            throw new ArgumentException("one population count and one sample count per value");
        if (draws < 1) throw new ArgumentOutOfRangeException(nameof(draws), "a simulation needs at least one draw");
        for (var j = 0; j < sampleCounts.Count; j++)
        {
            if (populationCounts[j] < 0 || sampleCounts[j] < 0) throw new ArgumentOutOfRangeException(nameof(sampleCounts), $"value {j} has a negative count");
            if (sampleCounts[j] > populationCounts[j])
                throw new ArgumentException($"value {j} has {sampleCounts[j]} sampled cases but {populationCounts[j]} in the population");
        }

        // Values absent from the population cannot be drawn and carry nothing to test.
        var present = Enumerable.Range(0, populationCounts.Count).Where(j => populationCounts[j] > 0).ToArray();
        var population = present.Select(j => populationCounts[j]).ToArray();
        var observed = present.Select(j => sampleCounts[j]).ToArray();
        var total = population.Sum();
        var sampled = observed.Sum();
        var df = Math.Max(present.Length - 1, 0);
        if (df == 0 || sampled == 0)
            return new GoodnessOfFit(0, 0, df, 1, PValueMethod.ChiSquare, sampled == 0 ? 0 : sampled, null, null);

        var expected = population.Select(m => (double)sampled * m / total).ToArray();
        var pearson = Pearson(observed, expected);
        // A census is the population: nothing could have come out otherwise.
        var correction = sampled == total ? 0 : (total - 1.0) / (total - sampled);
        var statistic = pearson * correction;
        var minimumExpected = expected.Min();

        if (minimumExpected >= SmallExpectedBelow)
        {
            var upper = SpecialFunctions.GammaUpperRegularized(df / 2.0, statistic / 2.0);
            return new GoodnessOfFit(pearson, statistic, df, Math.Max(upper, double.Epsilon), PValueMethod.ChiSquare, minimumExpected, null, null);
        }
        if (HypergeometricOutcomes.Count(population, sampled, ExactOutcomesLimit + 1) <= ExactOutcomesLimit)
        {
            var exact = HypergeometricOutcomes.UpperTail(population, sampled, expected, pearson * AlmostOne);
            return new GoodnessOfFit(pearson, statistic, df, Math.Clamp(exact, double.Epsilon, 1), PValueMethod.Exact, minimumExpected, null, null);
        }
        var simulated = HypergeometricOutcomes.SimulatedUpperTail(population, sampled, expected, pearson * AlmostOne, seed, draws);
        return new GoodnessOfFit(pearson, statistic, df, simulated, PValueMethod.Simulated, minimumExpected, seed, draws);
    }

    internal static double Pearson(IReadOnlyList<int> observed, IReadOnlyList<double> expected)
    {
        double sum = 0;
        for (var j = 0; j < observed.Count; j++) sum += (observed[j] - expected[j]) * (observed[j] - expected[j]) / expected[j];
        return sum;
    }
}
