using System.Text;
using Inspection.Statistics.Composition;

namespace Inspection.Statistics.Tests;

/// <summary>
/// The composition check's statistic and p-value: Pearson's statistic and the chi-square upper tail against R
/// (chisq.test, pchisq with lower.tail = FALSE), the finite population correction, the exact multivariate
/// hypergeometric p-value against R's enumeration with dhyper, and the seeded simulation against the exact value.
/// </summary>
public sealed class GoodnessOfFitTests
{
    [Fact]
    public void Statistics_and_chi_square_p_values_agree_with_R_and_carry_the_finite_population_correction()
    {
        var random = new Random(31);
        var cases = new List<(long[] Population, int[] Sample)>
        {
            // Far from the population's make-up: p is about 1.8e-29, which 1 - CDF rounds to 0.
            (new long[] { 300, 300, 300 }, new[] { 90, 10, 10 }),
        };
        while (cases.Count < 30)
        {
            var k = random.Next(2, 7);
            var population = Enumerable.Range(0, k).Select(_ => (long)random.Next(60, 900)).ToArray();
            var n = random.Next(100, 300);
            var sample = Draw(random, population, n);
            if (population.Select(m => (double)n * m / population.Sum()).Min() >= 5) cases.Add((population, sample));
        }
        var script = new StringBuilder();
        foreach (var (population, sample) in cases)
            script.Append($"x <- c({string.Join(",", sample)}); m <- c({string.Join(",", population)}); "
                + "s <- suppressWarnings(chisq.test(x, p = m / sum(m))$statistic); c2 <- s * (sum(m) - 1) / (sum(m) - sum(x)); "
                + "cat(sprintf('%.17g', c(s, c2, pchisq(c2, length(m) - 1, lower.tail = FALSE))), '\\n')\n");
        var rows = RPeer.Rows(script.ToString());
        for (var i = 0; i < cases.Count; i++)
        {
            var result = GoodnessOfFitTest.Run(cases[i].Population, cases[i].Sample);
            Assert.Equal(PValueMethod.ChiSquare, result.Method);
            Numbers.Agree(rows[i][0], result.PearsonStatistic, $"case {i}: Pearson");
            Numbers.Agree(rows[i][1], result.Statistic, $"case {i}: corrected");
            // Relative agreement for p-values, which run far below 1e-9.
            Assert.True(Math.Abs(rows[i][2] - result.PValue) <= 1e-9 * rows[i][2], $"case {i}: p R {rows[i][2]:R}, ours {result.PValue:R}");
        }
        var far = GoodnessOfFitTest.Run(cases[0].Population, cases[0].Sample);
        Assert.InRange(far.PValue, 1e-30, 1e-28);
        Assert.Equal(0, 1 - MathNet.Numerics.Distributions.ChiSquared.CDF(far.DegreesOfFreedom, far.Statistic));
    }

    [Fact]
    public void With_small_expected_counts_the_p_value_is_exact_and_agrees_with_Rs_enumeration()
    {
        var random = new Random(5);
        var cases = new List<(long[] Population, int[] Sample)>();
        while (cases.Count < 20)
        {
            var k = random.Next(2, 5);
            var population = Enumerable.Range(0, k).Select(_ => (long)random.Next(1, 40)).ToArray();
            var n = random.Next(2, Math.Min(16, (int)population.Sum()));
            cases.Add((population, Draw(random, population, n)));
        }
        var script = new StringBuilder("""
            exact <- function(x, m) {
              n <- sum(x); e <- n * m / sum(m); stat <- function(v) sum((v - e)^2 / e)
              grid <- as.matrix(expand.grid(lapply(m, function(mj) 0:min(mj, n))))
              grid <- grid[rowSums(grid) == n, , drop = FALSE]
              prob <- apply(grid, 1, function(v) exp(sum(lchoose(m, v)) - lchoose(sum(m), n)))
              s <- apply(grid, 1, stat)
              cat(sprintf('%.17g', sum(prob[s >= stat(x) * (1 - 64 * .Machine$double.eps)])), '\n')
            }

            """);
        foreach (var (population, sample) in cases)
            script.Append($"exact(c({string.Join(",", sample)}), c({string.Join(",", population)}))\n");
        var rows = RPeer.Rows(script.ToString());
        for (var i = 0; i < cases.Count; i++)
        {
            var result = GoodnessOfFitTest.Run(cases[i].Population, cases[i].Sample);
            Assert.Equal(PValueMethod.Exact, result.Method);
            Numbers.Agree(rows[i][0], result.PValue, $"case {i} ({string.Join(",", cases[i].Sample)} of {string.Join(",", cases[i].Population)})");
        }
    }

    [Fact]
    public void Where_the_exact_sum_is_too_long_the_p_value_is_simulated_from_a_stated_seed_and_repeats()
    {
        // Twelve values and 150 cases: too many outcomes to list, and small expected counts.
        long[] population = [400, 300, 200, 100, 60, 40, 20, 15, 10, 8, 5, 2];
        var sample = new[] { 40, 36, 20, 10, 8, 14, 6, 4, 3, 4, 3, 2 };
        var first = GoodnessOfFitTest.Run(population, sample);
        var again = GoodnessOfFitTest.Run(population, sample);
        Assert.Equal(PValueMethod.Simulated, first.Method);
        Assert.Equal((GoodnessOfFitTest.DefaultSeed, GoodnessOfFitTest.DefaultDraws), (first.Seed!.Value, first.Draws!.Value));
        Assert.Equal(first.PValue, again.PValue);
        Assert.True(first.PValue >= 1.0 / (GoodnessOfFitTest.DefaultDraws + 1));
    }

    [Fact]
    public void The_simulation_converges_on_the_exact_value_where_both_can_be_had()
    {
        long[] population = [30, 12, 5, 3];
        var sample = new[] { 4, 4, 2, 2 };
        var expected = population.Select(m => 12.0 * m / population.Sum()).ToArray();
        var threshold = GoodnessOfFitTest.Pearson(sample, expected) * (1 - 1e-12);
        var exact = HypergeometricOutcomes.UpperTail(population, 12, expected, threshold);
        var simulated = HypergeometricOutcomes.SimulatedUpperTail(population, 12, expected, threshold, seed: 11, draws: 200_000);
        // Deterministic (seeded); four standard errors of a proportion at 200,000 draws.
        Assert.InRange(simulated, exact - 4 * Math.Sqrt(exact * (1 - exact) / 200_000), exact + 4 * Math.Sqrt(exact * (1 - exact) / 200_000));
    }

    [Fact]
    public void A_census_a_single_value_and_impossible_counts()
    {
        var census = GoodnessOfFitTest.Run([10, 20], [10, 20]);
        Assert.Equal((0.0, 1.0), (census.Statistic, census.PValue));
        var single = GoodnessOfFitTest.Run([50, 0], [10, 0]);
        Assert.Equal((0, 1.0), (single.DegreesOfFreedom, single.PValue));
        Assert.Throws<ArgumentException>(() => GoodnessOfFitTest.Run([5, 5], [6, 0]));
        Assert.Throws<ArgumentException>(() => GoodnessOfFitTest.Run([5, 5], [1]));
    }

    private static int[] Draw(Random random, long[] population, int n)
    {
        var pool = population.SelectMany((m, j) => Enumerable.Repeat(j, (int)m)).OrderBy(_ => random.Next()).Take(n);
        var counts = new int[population.Length];
        foreach (var j in pool) counts[j]++;
        return counts;
    }
}
