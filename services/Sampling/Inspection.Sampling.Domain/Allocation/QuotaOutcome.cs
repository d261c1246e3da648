namespace Inspection.Sampling.Domain.Allocation;

/// <summary>A quota at the draw: eligible cases matching and sampled cases matching.</summary>
public sealed record QuotaOutcome(Quota Quota, long Eligible, int Sampled);
