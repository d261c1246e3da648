namespace Inspection.Sampling.Domain.Drawing;

/// <summary>The result of a draw: everything needed to store, show and defend the sample.</summary>
public sealed record DrawOutcome(
    string AlgorithmVersion,
    long PopulationSize,
    long EligibleSize,
    IReadOnlyList<ExclusionCount> Exclusions,
    SampleSize Size,
    IReadOnlyList<StratumOutcome> Strata,
    IReadOnlyList<QuotaOutcome> Quotas,
    IReadOnlyList<DrawnCase> Cases);
