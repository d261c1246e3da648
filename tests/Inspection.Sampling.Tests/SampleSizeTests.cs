using Inspection.Domain;
using Inspection.Sampling.Domain;
using Inspection.Sampling.Domain.Sizing;

namespace Inspection.Sampling.Tests;

public sealed class SampleSizeTests
{
    // Published sample-size tables for 95% confidence, a margin of 5 points and p = 0.5 (e.g. the tables in
    // Israel, "Determining Sample Size", University of Florida IFAS PEOD6, and the usual survey calculators):
    // these are the figures an inspector would look up. The last row is the infinite-population n0 rounded up.
    [Theory]
    [InlineData(100, 80)]
    [InlineData(500, 218)]
    [InlineData(1_000, 278)]
    [InlineData(10_000, 370)]
    [InlineData(1_000_000_000, 385)]
    public void Agrees_with_published_tables_for_95_percent_and_5_points(long population, int expected)
    {
        var size = SampleSizeCalculator.Calculate(population, new SizeForConfidence(95, 5));
        Assert.Equal(expected, size.N);
    }

    [Theory]
    [InlineData(95, 5, 50, 500)]
    [InlineData(80, 5, 50, 2_400)]
    [InlineData(90, 3, 30, 12_000)]
    [InlineData(99, 10, 50, 42)]
    public void Agrees_with_the_formula(double confidence, double margin, double p, long population)
    {
        var size = SampleSizeCalculator.Calculate(population, new SizeForConfidence(confidence, margin, p));

        // Independently: the two-sided quantile by bisection on the error function's complement, not MathNet.
        var z = TwoSidedZ(confidence / 100);
        var n0 = z * z * (p / 100) * (1 - p / 100) / Math.Pow(margin / 100, 2);
        var n = n0 / (1 + (n0 - 1) / population);
        Assert.Equal(z, size.Z, 6);
        Assert.Equal(n0, size.N0, 4);
        Assert.Equal(n, size.NUnrounded, 4);
        Assert.Equal((int)Math.Ceiling(n), size.N);
        Assert.Contains(size.N.ToString(System.Globalization.CultureInfo.InvariantCulture), size.Explanation);
    }

    [Fact]
    public void The_2018_programme_80_percent_5_points_gives_n0_of_164_point_24()
    {
        var size = SampleSizeCalculator.Calculate(400, new SizeForConfidence(80, 5));
        Assert.Equal(1.2816, size.Z, 4);
        Assert.Equal(164.24, size.N0, 2);
        // 164.24 / (1 + 163.24 / 400) = 116.64, rounded up.
        Assert.Equal(116.64, size.NUnrounded, 2);
        Assert.Equal(117, size.N);
    }

    [Fact]
    public void A_question_that_applies_to_part_of_the_sample_is_planned_on_that_part()
    {
        // 1,000 cases, the question applies to 40% of them: about 400, for which 95% and 5 points need
        // 384.15 / (1 + 383.15 / 400) = 196.21, so 197 applicable cases; the sample to hold them is 197 / 0.4 = 492.5,
        // so 493 (R: z <- qnorm(0.975); n0 <- z^2 / 4 / 0.05^2; ceiling(ceiling(n0 / (1 + (n0 - 1) / 400)) / 0.4)).
        var part = SampleSizeCalculator.Calculate(1_000, new SizeForConfidence(95, 5, ApplicableShare: 40));
        Assert.Equal(197, part.ApplicableN);
        Assert.Equal(196.2066, part.NUnrounded, 4);
        Assert.Equal(493, part.N);
        Assert.Contains("applies to 40% of cases", part.Explanation);
        Assert.Contains("493", part.Explanation);

        // 150 cases, 30%: 45 applicable, 41 of them needed, a sample of 137.
        Assert.Equal(137, SampleSizeCalculator.Calculate(150, new SizeForConfidence(95, 5, ApplicableShare: 30)).N);
        // A share too small for the caseload is the whole caseload.
        Assert.Equal(150, SampleSizeCalculator.Calculate(150, new SizeForConfidence(95, 5, ApplicableShare: 5)).N);
        // The whole sample is today's calculation, unchanged.
        Assert.Equal(278, SampleSizeCalculator.Calculate(1_000, new SizeForConfidence(95, 5, ApplicableShare: 100)).N);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    public void A_share_outside_0_to_100_is_refused_naming_the_field(double share)
    {
        var error = Assert.Throws<ValidationException>(() => SampleSizeCalculator.Calculate(1000, new SizeForConfidence(95, 5, ApplicableShare: share)));
        Assert.Equal("calculated_size.applicable_share", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void Rounds_up_but_never_adds_a_case_for_floating_point_noise()
    {
        Assert.Equal(80, SampleSizeCalculator.RoundUp(79.51));
        Assert.Equal(80, SampleSizeCalculator.RoundUp(79.0000001));
        Assert.Equal(80, SampleSizeCalculator.RoundUp(80.0000000001));
        Assert.Equal(80, SampleSizeCalculator.RoundUp(80));
    }

    [Fact]
    public void A_fixed_size_is_taken_as_given()
    {
        var size = SampleSizeCalculator.Fixed(600, 48);
        Assert.Equal(SampleSize.FixedMode, size.Mode);
        Assert.Equal(48, size.N);
    }

    [Theory]
    [InlineData(95, -5, "calculated_size.margin_of_error")]
    [InlineData(95, 0, "calculated_size.margin_of_error")]
    [InlineData(100, 5, "calculated_size.confidence_level")]
    [InlineData(0, 5, "calculated_size.confidence_level")]
    [InlineData(double.NaN, 5, "calculated_size.confidence_level")]
    public void Bad_figures_are_invalid_arguments_naming_the_field(double confidence, double margin, string field)
    {
        var error = Assert.Throws<ValidationException>(() => SampleSizeCalculator.Calculate(1000, new SizeForConfidence(confidence, margin)));
        Assert.Equal(field, Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void An_empty_population_and_a_bad_proportion_are_both_reported()
    {
        var error = Assert.Throws<ValidationException>(() => SampleSizeCalculator.Calculate(0, new SizeForConfidence(95, 5, 100)));
        Assert.Equal(["population_size", "calculated_size.expected_proportion"], error.Violations.Select(v => v.Field));
    }

    private static double TwoSidedZ(double confidence)
    {
        // P(|Z| <= z) = erf(z / sqrt 2); bisection on a series erf, accurate far beyond the test's tolerance.
        double lo = 0, hi = 10;
        for (var i = 0; i < 200; i++)
        {
            var mid = (lo + hi) / 2;
            if (Erf(mid / Math.Sqrt(2)) < confidence) lo = mid; else hi = mid;
        }
        return (lo + hi) / 2;
    }

    private static double Erf(double x)
    {
        // Maclaurin series: erf x = 2/sqrt(pi) * sum (-1)^k x^(2k+1) / (k! (2k+1)); fine for x below 3.
        double sum = 0, term = x;
        for (var k = 0; k < 200; k++)
        {
            sum += term / (2 * k + 1);
            term *= -x * x / (k + 1);
        }
        return 2 / Math.Sqrt(Math.PI) * sum;
    }
}
