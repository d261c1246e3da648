using Inspection.Domain;
using MathNet.Numerics.Distributions;

namespace Inspection.Sampling.Domain.Composition;

/// <summary>
/// Does the sample look like the population it was drawn from? Per attribute: counts and shares of each value
/// in the eligible population and in the sample's active cases, and Pearson's chi-square goodness of fit of the
/// sample counts to the population shares (statistic = sum of (observed - expected)^2 / expected over the
/// values present in the population, k - 1 degrees of freedom, p-value from MathNet's ChiSquared distribution).
/// A small p-value (below 0.05) says the sample's make-up would be unusual for a simple random draw; quotas and
/// fixed splits over-represent groups on purpose, so there it is expected.
/// </summary>
public static class CompositionCheck
{
    public static CompositionReport Compare(IReadOnlyList<CaseRecord> eligiblePopulation, IReadOnlyList<CaseRecord> sample,
        IReadOnlyList<string> attributes)
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
            resolved.Select(a => Compare(eligiblePopulation, sample, a)).ToList());
    }

    private static AttributeComposition Compare(IReadOnlyList<CaseRecord> population, IReadOnlyList<CaseRecord> sample, CaseAttribute attribute)
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
        return new AttributeComposition(attribute.Name, rows, chiSquare, degrees, pValue, note);
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
