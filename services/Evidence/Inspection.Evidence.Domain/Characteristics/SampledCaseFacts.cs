namespace Inspection.Evidence.Domain.Characteristics;

/// <summary>The attributes of one sampled case the characteristics table needs, by attribute name. No names of people.</summary>
public sealed record SampledCaseFacts(string CaseReference, IReadOnlyDictionary<string, string> Attributes)
{
    public string? Attribute(string name) => Attributes.GetValueOrDefault(name);
}
