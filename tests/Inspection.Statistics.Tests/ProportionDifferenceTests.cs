using System.Text;
using Inspection.Statistics.Comparisons;

namespace Inspection.Statistics.Tests;

/// <summary>
/// Newcombe's hybrid score interval for the difference of two proportions (Newcombe 1998, method 10): the paper's
/// worked example, the edges (0 of n and n of n), and agreement with the same construction in R from prop.test's
/// Wilson intervals.
/// </summary>
public sealed class ProportionDifferenceTests
{
    [Fact]
    public void Newcombes_example_56_of_70_against_48_of_80_is_0_200_from_0_0524_to_0_3339()
    {
        var d = ProportionDifference.NewcombeWilson(56, 70, 48, 80);
        Assert.Equal(0.200, d.Difference, 12);
        Assert.Equal(0.0524, Math.Round(d.Lower, 4));
        Assert.Equal(0.3339, Math.Round(d.Upper, 4));
        Assert.True(d.WhollyAboveZero);
        Assert.False(d.WhollyBelowZero);
    }

    [Fact]
    public void None_of_either_sample_is_no_difference_bounded_by_each_samples_own_upper_limit()
    {
        var d = ProportionDifference.NewcombeWilson(0, 10, 0, 20);
        var ten = ProportionDifference.Estimate.Wilson(0, 10);
        var twenty = ProportionDifference.Estimate.Wilson(0, 20);
        Assert.Equal(0, d.Difference);
        Assert.Equal(0, ten.Lower);
        Assert.Equal(-twenty.Upper, d.Lower, 15);
        Assert.Equal(ten.Upper, d.Upper, 15);
        Assert.False(d.WhollyAboveZero || d.WhollyBelowZero);
        // Newcombe's table II, example (e).
        Assert.Equal(-0.1611, Math.Round(d.Lower, 4));
        Assert.Equal(0.2775, Math.Round(d.Upper, 4));
    }

    [Fact]
    public void All_of_one_sample_against_none_of_the_other_reaches_exactly_one()
    {
        var d = ProportionDifference.NewcombeWilson(10, 10, 0, 20);
        Assert.Equal(1, d.Difference);
        Assert.Equal(1, d.Upper);
        Assert.True(d.Lower is > 0 and < 1);
        Assert.True(d.WhollyAboveZero);

        var reversed = ProportionDifference.NewcombeWilson(0, 20, 10, 10);
        Assert.Equal(-1, reversed.Difference);
        Assert.Equal(-1, reversed.Lower);
        Assert.Equal(-d.Lower, reversed.Upper, 15);
        Assert.True(reversed.WhollyBelowZero);
    }

    [Fact]
    public void Newcombe_agrees_with_the_construction_from_Rs_prop_test_Wilson_intervals_to_1e_9()
    {
        var random = new Random(23);
        var cases = new List<(int K1, int N1, int K2, int N2)> { (56, 70, 48, 80), (0, 10, 0, 20), (10, 10, 0, 20), (5, 56, 0, 29), (9, 10, 3, 10), (1, 1, 0, 1) };
        for (var i = 0; i < 40; i++)
        {
            var n1 = random.Next(1, 90);
            var n2 = random.Next(1, 90);
            cases.Add((random.Next(0, n1 + 1), n1, random.Next(0, n2 + 1), n2));
        }
        var script = new StringBuilder(
            "w <- function(k, n) { ci <- prop.test(k, n, correct = FALSE)$conf.int; c(k/n, ci[1], ci[2]) }\n"
            + "f <- function(k1, n1, k2, n2) { a <- suppressWarnings(w(k1, n1)); b <- suppressWarnings(w(k2, n2)); d <- a[1] - b[1];"
            + " cat(sprintf('%.17g', c(d, d - sqrt((a[1]-a[2])^2 + (b[3]-b[1])^2), d + sqrt((a[3]-a[1])^2 + (b[1]-b[2])^2))), '\\n') }\n");
        foreach (var c in cases) script.Append($"f({c.K1}, {c.N1}, {c.K2}, {c.N2})\n");
        var rows = RPeer.Rows(script.ToString());
        Assert.Equal(cases.Count, rows.Count);
        for (var i = 0; i < cases.Count; i++)
        {
            var (k1, n1, k2, n2) = cases[i];
            var d = ProportionDifference.NewcombeWilson(k1, n1, k2, n2);
            Numbers.Agree(rows[i][0], d.Difference, $"{k1}/{n1} against {k2}/{n2}: difference");
            Numbers.Agree(rows[i][1], d.Lower, $"{k1}/{n1} against {k2}/{n2}: lower");
            Numbers.Agree(rows[i][2], d.Upper, $"{k1}/{n1} against {k2}/{n2}: upper");
        }
    }

    [Fact]
    public void Design_based_intervals_carry_into_the_difference_and_bad_estimates_are_refused()
    {
        // A wider interval on either side widens the difference's interval on the side it feeds.
        var wilson = ProportionDifference.NewcombeWilson(56, 70, 48, 80);
        var wider = ProportionDifference.Newcombe(
            new ProportionDifference.Estimate(0.8, 0.65, 0.92), ProportionDifference.Estimate.Wilson(48, 80));
        Assert.Equal(wilson.Difference, wider.Difference, 12);
        Assert.True(wider.Lower < wilson.Lower && wider.Upper > wilson.Upper);

        Assert.Throws<ArgumentOutOfRangeException>(() => new ProportionDifference.Estimate(0.5, 0.6, 0.7));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProportionDifference.Estimate(1.2, 0.6, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionDifference.Estimate.Wilson(3, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionDifference.Estimate.Wilson(4, 3));
    }
}
