using Inspection.Statistics.Composition;
using MathNet.Numerics.Distributions;

namespace Inspection.Sampling.Domain.Composition;

/// <summary>
/// Does the sample look like the population it was drawn from? Per attribute: counts and shares of each value
/// in the eligible population and in the sample's active cases, and Pearson's chi-square goodness of fit of the
/// sample counts to the population shares (statistic = sum of (observed - expected)^2 / expected over the
/// values present in the population, k - 1 degrees of freedom, p-value from MathNet's ChiSquared distribution).
/// A small p-value (below 0.05) says the sample's make-up would be unusual for a simple random draw; quotas and
/// fixed splits over-represent groups on purpose, so there it is expected.
/// <para>
/// Those are the contract's documented figures. The test that means something (<see cref="GoodnessOfFitTest"/>) adds
/// the finite population correction (the sample is often a quarter of the caseload or more) and an exact or simulated
/// p-value where expected counts are small; and it is not run on an attribute the draw fixed (stratified on, split on,
/// held to a quota), whose counts match the caseload by construction or differ from it on purpose.
/// </para>
/// </summary>
public static class CompositionCheck
{
    public static CompositionReport Compare(IReadOnlyList<CaseRecord> eligiblePopulation, IReadOnlyList<CaseRecord> sample,
        IReadOnlyList<string> attributes, IReadOnlyDictionary<string, string>? fixedByAllocation = null)
    {
        var resolved = new List<CaseAttribute>();
        var violations = new List<FieldViolation>();
        for (var i = 0; i < attributes.Count; i++)
        {
            var attribute = CaseAttribute.Find(attributes[i]);
            if (attribute is null)
                violations.Add(new FieldViolation($"attributes[{i}]",
                    $"unknown attribute '{attributes[i]}': one of {string.Join(", ", CaseAttribute.All.Select(a => a.Name))}"));
            else if (!resolved.Contains(attribute)) resolved.Add(attribute);
        }
        ValidationException.ThrowIfAny(violations);
        return new CompositionReport(eligiblePopulation.Count, sample.Count,
            resolved.Select(a => Compare(eligiblePopulation, sample, a, fixedByAllocation?.GetValueOrDefault(a.Name))).ToList());
    }

    private static AttributeComposition Compare(IReadOnlyList<CaseRecord> population, IReadOnlyList<CaseRecord> sample, CaseAttribute attribute,
        string? fixedBy)
    {
        var populationCounts = Count(population, attribute);
        var sampleCounts = Count(sample, attribute);
        // Closed attributes list their values in vocabulary order; open ones (office, team) in ordinal order.
        var values = attribute.KnownValues is { } known
            ? known.Where(v => populationCounts.ContainsKey(v) || sampleCounts.ContainsKey(v)).ToList()
            : populationCounts.Keys.Union(sampleCounts.Keys).Order(StringComparer.Ordinal).ToList();

        var rows = new List<CompositionRow>();
        double chiSquare = 0;
        var categories = 0;
        var smallExpected = false;
        foreach (var value in values)
        {
            var inPopulation = populationCounts.GetValueOrDefault(value);
            var inSample = (int)sampleCounts.GetValueOrDefault(value);
            var populationShare = population.Count == 0 ? 0 : (double)inPopulation / population.Count;
            var expected = populationShare * sample.Count;
            rows.Add(new CompositionRow(value, inPopulation, populationShare, inSample,
                sample.Count == 0 ? 0 : (double)inSample / sample.Count, expected));
            if (inPopulation == 0) continue;
            categories++;
            chiSquare += (inSample - expected) * (inSample - expected) / expected;
            if (expected < 5) smallExpected = true;
        }
        var degrees = Math.Max(categories - 1, 0);
        double? pValue = null;
        if (degrees > 0 && sample.Count > 0) pValue = Math.Clamp(1.0 - ChiSquared.CDF(degrees, chiSquare), 0.0, 1.0);
        var note = degrees == 0
            ? "a single value in the population: nothing to test"
            : smallExpected ? "some expected counts are below 5, so the chi-square p-value is approximate" : "";
        // A sampled value missing from the eligible population (the caseload changed under a stored sample) cannot
        // be tested as a draw from it.
        var fit = fixedBy is null && sample.Count > 0 && rows.All(r => r.Sample <= r.Population)
            ? GoodnessOfFitTest.Run(rows.Select(r => r.Population).ToList(), rows.Select(r => r.Sample).ToList())
            : null;
        return new AttributeComposition(attribute.Name, rows, chiSquare, degrees, pValue, note, fixedBy, fit);
    }

    /// <summary>
    /// The attributes whose counts the draw set itself, each with why in words: stratified on (proportional shares),
    /// split on (the split's weights), or held to a quota (its minimum).
    /// </summary>
    public static IReadOnlyDictionary<string, string> FixedBy(DrawPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var fixedBy = new Dictionary<string, string>(StringComparer.Ordinal);
        if (plan.Split is { } split) fixedBy[split.Attribute.Name] = "the sample was split on it, so its groups hold the shares the split set";
        foreach (var attribute in plan.StratifyBy)
            fixedBy.TryAdd(attribute.Name, "the sample was stratified on it, so it matches the caseload by design");
        foreach (var quota in plan.Quotas)
            fixedBy.TryAdd(quota.Attribute.Name, "a quota set a minimum for it, so some values are over-represented on purpose");
        return fixedBy;
    }

    private static Dictionary<string, long> Count(IReadOnlyList<CaseRecord> cases, CaseAttribute attribute)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var c in cases)
        {
            var value = attribute.ValueOf(c);
            counts[value] = counts.GetValueOrDefault(value) + 1;
        }
        return counts;
    }
}
