namespace Inspection.Sampling.Domain.Allocation;

/// <summary>A validated fixed split: the attribute and, per group, its canonical values and weight.</summary>
public sealed class ResolvedSplit(CaseAttribute attribute, IReadOnlyList<SplitGroup> groups)
{
    private readonly Dictionary<string, SplitGroup> _groupOfValue = groups
        .SelectMany(g => g.Values.Select(v => (v, g)))
        .ToDictionary(x => x.v, x => x.g, StringComparer.Ordinal);

    public CaseAttribute Attribute { get; } = attribute;

    public IReadOnlyList<SplitGroup> Groups { get; } = groups;

    public SplitGroup? GroupOf(CaseRecord c) => _groupOfValue.GetValueOrDefault(Attribute.ValueOf(c));

    /// <summary>The group holding this value of the attribute, or null.</summary>
    public SplitGroup? GroupOfValue(string value) => _groupOfValue.GetValueOrDefault(value);
}
