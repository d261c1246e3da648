namespace Inspection.Sampling.Domain.Allocation;

/// <summary>At least <see cref="Minimum"/> sampled cases whose attribute has one of <see cref="Values"/>.</summary>
public sealed record Quota(string Attribute, IReadOnlyList<string> Values, int Minimum)
{
    public override string ToString() => $"{Attribute} in ({string.Join(", ", Values)}) at least {Minimum}";
}
