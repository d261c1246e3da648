namespace Inspection.Sampling.Domain.Allocation;

/// <summary>A validated quota: the attribute and its canonical values.</summary>
public sealed class ResolvedQuota(Quota quota, CaseAttribute attribute, IReadOnlyList<string> values)
{
    private readonly HashSet<string> _values = new(values, StringComparer.Ordinal);

    public Quota Quota { get; } = quota;

    public CaseAttribute Attribute { get; } = attribute;

    public IReadOnlyList<string> Values { get; } = values;

    public int Minimum => Quota.Minimum;

    public bool Matches(CaseRecord c) => _values.Contains(Attribute.ValueOf(c));

    /// <summary>Whether a case with this value of the attribute counts towards the quota.</summary>
    public bool MatchesValue(string value) => _values.Contains(value);
}
