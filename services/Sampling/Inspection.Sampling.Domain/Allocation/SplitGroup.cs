namespace Inspection.Sampling.Domain.Allocation;

/// <summary>One group of a fixed split: the attribute values it holds and its weight (e.g. licence 40 of 110).</summary>
public sealed record SplitGroup(string Name, IReadOnlyList<string> Values, int Weight);
