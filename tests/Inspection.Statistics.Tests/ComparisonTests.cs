using System.Text;
using Inspection.Statistics.Comparisons;

namespace Inspection.Statistics.Tests;

/// <summary>Adjusted p-values against R's p.adjust, and the rate ratio's interval against the same formula in R.</summary>
public sealed class ComparisonTests
{
    [Fact]
    public void Holm_and_Benjamini_Hochberg_agree_with_Rs_p_adjust_to_1e_9()
    {
        var random = new Random(94);
        var families = new List<double[]>
        {
            new[] { 0.01, 0.01, 0.04, 0.04, 0.5 },          // ties
            new[] { 0.0, 1.0, 0.3 },                         // the ends
            new[] { 0.003 },                                 // one test: nothing to adjust
        };
        for (var f = 0; f < 30; f++)
            families.Add(Enumerable.Range(0, random.Next(2, 95)).Select(_ => Math.Pow(random.NextDouble(), 3)).ToArray());

        var script = new StringBuilder();
        foreach (var p in families)
        {
            var vector = $"c({string.Join(",", p.Select(RPeer.Literal))})";
            script.Append($"cat(sprintf('%.17g', p.adjust({vector}, 'holm')), '\\n'); cat(sprintf('%.17g', p.adjust({vector}, 'BH')), '\\n')\n");
        }
        var rows = RPeer.Rows(script.ToString());
        Assert.Equal(families.Count * 2, rows.Count);
        for (var f = 0; f < families.Count; f++)
        {
            var holm = PValueAdjustment.Holm(families[f]);
            var bh = PValueAdjustment.BenjaminiHochberg(families[f]);
            for (var i = 0; i < families[f].Length; i++)
            {
                Numbers.Agree(rows[2 * f][i], holm[i], $"family {f}, test {i}, Holm");
                Numbers.Agree(rows[2 * f + 1][i], bh[i], $"family {f}, test {i}, BH");
            }
        }
    }

    [Fact]
    public void Rate_ratio_intervals_agree_with_Katzs_log_method_computed_in_R()
    {
        var random = new Random(7);
        var cases = Enumerable.Range(0, 40).Select(_ =>
        {
            var n1 = random.Next(1, 80);
            var n2 = random.Next(1, 300);
            return (A: random.Next(1, n1 + 1), N1: n1, C: random.Next(1, n2 + 1), N2: n2);
        }).ToList();
        var script = new StringBuilder("f <- function(a, n1, c, n2) { rr <- (a/n1)/(c/n2); se <- sqrt(1/a - 1/n1 + 1/c - 1/n2); z <- qnorm(0.975);"
            + " cat(sprintf('%.17g', c(rr, rr*exp(-z*se), rr*exp(z*se))), '\\n') }\n");
        foreach (var c in cases) script.Append($"f({c.A}, {c.N1}, {c.C}, {c.N2})\n");
        var rows = RPeer.Rows(script.ToString());
        for (var i = 0; i < cases.Count; i++)
        {
            var (a, n1, c, n2) = cases[i];
            var ratio = RateRatio.For(a, n1, c, n2)!.Value;
            Numbers.Agree(rows[i][0], ratio.Ratio, $"{a}/{n1} over {c}/{n2}: ratio");
            Numbers.Agree(rows[i][1], ratio.Lower, $"{a}/{n1} over {c}/{n2}: lower");
            Numbers.Agree(rows[i][2], ratio.Upper, $"{a}/{n1} over {c}/{n2}: upper");
        }
    }

    [Fact]
    public void A_group_with_no_Yes_has_no_ratio_interval_and_bad_counts_are_refused()
    {
        Assert.Null(RateRatio.For(0, 10, 5, 20));
        Assert.Null(RateRatio.For(3, 10, 0, 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => RateRatio.For(11, 10, 5, 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => RateRatio.For(1, 0, 5, 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => PValueAdjustment.Holm([0.2, 1.5]));
        Assert.Throws<ArgumentOutOfRangeException>(() => PValueAdjustment.BenjaminiHochberg([double.NaN]));
    }
}
