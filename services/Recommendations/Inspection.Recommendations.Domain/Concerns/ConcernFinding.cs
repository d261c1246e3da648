namespace Inspection.Recommendations.Domain.Concerns;

/// <summary>
/// A provider meeting a rule: the rule, the provider, the day it was met, what met it in words and the records. One
/// flag is kept per rule id, provider and <see cref="RecordsKey"/>, so finding it again raises nothing.
/// </summary>
public sealed record ConcernFinding(ConcernRuleDefinition Rule, Guid ProviderId, DateOnly MetOn, string Detail, IReadOnlyList<ConcernRecord> Records)
{
    /// <summary>The records that met the rule, in one order whatever order they were found in.</summary>
    public string RecordsKey => string.Join(",", Records.Select(r => r.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
}
