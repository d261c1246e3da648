namespace Inspection.Sampling.Domain.Allocation;

/// <summary>
/// One stratum of a draw: eligible cases in it, its exact proportional share, the cases quotas forced into it,
/// the cases allocated, and its reserves in the order they will be taken.
/// </summary>
public sealed record StratumOutcome(
    string Key,
    long Population,
    double ProportionalShare,
    int QuotaFloor,
    int Allocated,
    IReadOnlyList<DrawnCase> Reserves);
