namespace Inspection.Sampling.Domain.Eligibility;

/// <summary>An eligibility window as requested ("yyyy-MM-dd" strings, both days inclusive), before validation.</summary>
public sealed record WindowText(string? FirstDay, string? LastDay);
