namespace Inspection.Sampling.Data;

/// <summary>A stratum's figures at the draw (its reserves live with the sample's cases).</summary>
public sealed record StratumSummary(string Key, long Population, double ProportionalShare, int QuotaFloor, int Allocated);
