using System.Globalization;
using MathNet.Numerics.Distributions;

namespace Inspection.Sampling.Domain.Sizing;

/// <summary>
/// The size of a simple random sample estimating a proportion:
/// n0 = z² p(1-p) / e² with z the two-sided standard normal quantile (MathNet's Normal.InvCDF),
/// then the finite population correction n = n0 / (1 + (n0 - 1) / N), rounded up.
/// Round-up convention: the next whole number at or above n, treating a value within 1e-9 of a whole number
/// as that number, so floating-point noise (80.0000000001) never adds a case. This is the convention of the
/// published tables (95%, ±5 points: N=100 → 80, 500 → 218, 1,000 → 278, 10,000 → 370, very large → 385).
/// </summary>
public static class SampleSizeCalculator
{
    private const double WholeNumberTolerance = 1e-9;

    /// <summary>Validates and computes; <paramref name="fieldPrefix"/> names the message holding the figures
    /// (e.g. "calculated_size") so violations carry the request's field paths.</summary>
    public static SampleSize Calculate(long populationSize, SizeForConfidence rule, string fieldPrefix = "calculated_size",
        string populationField = "population_size")
    {
        var violations = new List<FieldViolation>();
        if (populationSize <= 0)
            violations.Add(new FieldViolation(populationField, "the population size must be at least 1"));
        violations.AddRange(Validate(rule, fieldPrefix));
        ValidationException.ThrowIfAny(violations);

        var confidence = rule.ConfidenceLevel / 100.0;
        var margin = rule.MarginOfError / 100.0;
        var p = rule.ExpectedProportion / 100.0;
        var share = rule.ApplicableShare / 100.0;
        var z = Normal.InvCDF(0.0, 1.0, 1.0 - (1.0 - confidence) / 2.0);
        var n0 = z * z * p * (1.0 - p) / (margin * margin);
        // The margin holds on the cases the question applies to: a population of N x share, corrected as a whole.
        var applicablePopulation = populationSize * share;
        var nUnrounded = n0 / (1.0 + (n0 - 1.0) / applicablePopulation);
        var applicableN = RoundUp(nUnrounded);
        // The whole sample expected to hold that many applicable cases; a population smaller than it is sampled whole.
        var n = (int)Math.Min(share >= 1 ? applicableN : RoundUp(applicableN / share), populationSize);
        var explanation = share >= 1
            ? string.Create(CultureInfo.InvariantCulture,
                $"z = {z:F4} for {rule.ConfidenceLevel:G}% confidence (two-sided); n0 = z² × p(1−p) / e² = {z:F4}² × {p:G4} × {1 - p:G4} / {margin:G4}² = {n0:F2}; " +
                $"n = n0 / (1 + (n0 − 1) / N) = {n0:F2} / (1 + {n0 - 1:F2} / {populationSize}) = {nUnrounded:F2}; rounded up: {n}")
            : string.Create(CultureInfo.InvariantCulture,
                $"z = {z:F4} for {rule.ConfidenceLevel:G}% confidence (two-sided); n0 = z² × p(1−p) / e² = {z:F4}² × {p:G4} × {1 - p:G4} / {margin:G4}² = {n0:F2}; " +
                $"the question applies to {rule.ApplicableShare:G}% of cases, so about {applicablePopulation:0.#} of the {populationSize}; " +
                $"n = n0 / (1 + (n0 − 1) / {applicablePopulation:0.#}) = {nUnrounded:F2}, rounded up: {applicableN} applicable cases; " +
                $"the whole sample to hold them: {applicableN} / {share:G4} rounded up: {n}");
        return new SampleSize(SampleSize.CalculatedMode, populationSize, rule.ConfidenceLevel, rule.MarginOfError,
            rule.ExpectedProportion, z, n0, nUnrounded, n, explanation, rule.ApplicableShare, applicableN);
    }

    public static SampleSize Fixed(long populationSize, int size, string field = "fixed_size")
    {
        if (size <= 0) throw new ValidationException(field, "a fixed sample size must be at least 1");
        return new SampleSize(SampleSize.FixedMode, populationSize, 0, 0, 0, 0, 0, size, size,
            string.Create(CultureInfo.InvariantCulture, $"fixed size {size}"));
    }

    public static SampleSize Resolve(long populationSize, SizeRule rule)
    {
        if (rule.FixedSize is { } size) return Fixed(populationSize, size);
        if (rule.Calculated is { } calculated) return Calculate(populationSize, calculated, populationField: "eligibility");
        throw new ValidationException("size_rule", "either fixed_size or calculated_size is required");
    }

    public static IEnumerable<FieldViolation> Validate(SizeForConfidence rule, string prefix)
    {
        if (!double.IsFinite(rule.ConfidenceLevel) || rule.ConfidenceLevel <= 0 || rule.ConfidenceLevel >= 100)
            yield return new FieldViolation($"{prefix}.confidence_level",
                $"{rule.ConfidenceLevel.ToString(CultureInfo.InvariantCulture)} is not a confidence level: give a percentage above 0 and below 100 (e.g. 95)");
        if (!double.IsFinite(rule.MarginOfError) || rule.MarginOfError <= 0 || rule.MarginOfError >= 100)
            yield return new FieldViolation($"{prefix}.margin_of_error",
                $"{rule.MarginOfError.ToString(CultureInfo.InvariantCulture)} is not a margin of error: give percentage points above 0 and below 100 (e.g. 5)");
        if (!double.IsFinite(rule.ApplicableShare) || rule.ApplicableShare <= 0 || rule.ApplicableShare > 100)
            yield return new FieldViolation($"{prefix}.applicable_share",
                $"{rule.ApplicableShare.ToString(CultureInfo.InvariantCulture)} is not a share of cases: give a percentage above 0 and at most 100 (100 for the whole sample)");
        if (!double.IsFinite(rule.ExpectedProportion) || rule.ExpectedProportion <= 0 || rule.ExpectedProportion >= 100)
            yield return new FieldViolation($"{prefix}.expected_proportion",
                $"{rule.ExpectedProportion.ToString(CultureInfo.InvariantCulture)} is not an expected proportion: give a percentage above 0 and below 100 (50 when unknown)");
    }

    /// <summary>The round-up convention described on the class.</summary>
    public static int RoundUp(double value)
    {
        var nearest = Math.Round(value);
        if (Math.Abs(value - nearest) <= WholeNumberTolerance) return checked((int)nearest);
        return checked((int)Math.Ceiling(value));
    }
}
