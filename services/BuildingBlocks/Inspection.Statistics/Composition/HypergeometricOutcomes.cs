using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Inspection.Statistics.Composition;

/// <summary>
/// The samples a draw of n cases without replacement could give, as counts per value, and their multivariate
/// hypergeometric probabilities: product over values of C(M_j, x_j), over C(N, n).
/// </summary>
internal static class HypergeometricOutcomes
{
    /// <summary>How many count vectors the draw could give, counted up to <paramref name="cap"/> (then it stops).</summary>
    public static long Count(IReadOnlyList<long> population, int sampled, long cap)
    {
        var ways = new long[sampled + 1];
        ways[0] = 1;
        foreach (var m in population)
        {
            var next = new long[sampled + 1];
            for (var s = 0; s <= sampled; s++)
            {
                if (ways[s] == 0) continue;
                for (var x = 0; x <= Math.Min(m, sampled - s); x++)
                    next[s + x] = Math.Min(cap, next[s + x] + ways[s]);
            }
            ways = next;
        }
        return ways[sampled];
    }

    /// <summary>The probability of a Pearson statistic at or above <paramref name="threshold"/>, summed over every outcome.</summary>
    public static double UpperTail(IReadOnlyList<long> population, int sampled, IReadOnlyList<double> expected, double threshold)
    {
        var k = population.Count;
        var laterPopulation = new long[k + 1];
        for (var j = k - 1; j >= 0; j--) laterPopulation[j] = laterPopulation[j + 1] + population[j];
        var total = laterPopulation[0];
        var logAll = LogChoose(total, sampled);
        double tail = 0;

        void Visit(int j, int remaining, double logWays, double statistic)
        {
            if (j == k - 1)
            {
                // The last value takes what is left; the bounds below make that possible.
                var last = statistic + (remaining - expected[j]) * (remaining - expected[j]) / expected[j];
                if (last >= threshold) tail += Math.Exp(logWays + LogChoose(population[j], remaining) - logAll);
                return;
            }
            var least = (int)Math.Max(0, remaining - laterPopulation[j + 1]);
            var most = (int)Math.Min(population[j], remaining);
            for (var x = least; x <= most; x++)
                Visit(j + 1, remaining - x, logWays + LogChoose(population[j], x),
                    statistic + (x - expected[j]) * (x - expected[j]) / expected[j]);
        }

        Visit(0, sampled, 0, 0);
        return tail;
    }

    /// <summary>
    /// The share of <paramref name="draws"/> seeded random draws whose statistic is at or above the threshold, counting
    /// the observed sample as one of them ((1 + at or above) / (draws + 1)), so the estimate is never 0.
    /// </summary>
    public static double SimulatedUpperTail(IReadOnlyList<long> population, int sampled, IReadOnlyList<double> expected,
        double threshold, int seed, int draws)
    {
        var random = new Random(seed);
        var total = population.Sum();
        var atOrAbove = 0;
        for (var d = 0; d < draws; d++)
        {
            var left = total;
            var toDraw = sampled;
            double statistic = 0;
            for (var j = 0; j < population.Count; j++)
            {
                // Each value's count given those before it: a univariate hypergeometric draw.
                var x = j == population.Count - 1 || toDraw == 0
                    ? toDraw
                    : Hypergeometric.Sample(random, checked((int)left), checked((int)population[j]), toDraw);
                statistic += (x - expected[j]) * (x - expected[j]) / expected[j];
                left -= population[j];
                toDraw -= x;
            }
            if (statistic >= threshold) atOrAbove++;
        }
        return (1.0 + atOrAbove) / (draws + 1.0);
    }

    private static double LogChoose(long n, int k) => SpecialFunctions.BinomialLn(checked((int)n), k);
}
