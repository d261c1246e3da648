namespace Inspection.Sampling.Domain.Eligibility;

/// <summary>How many cases of the snapshot a draw excluded for one reason.</summary>
public sealed record ExclusionCount(string Reason, long Cases);
