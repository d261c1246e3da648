namespace Inspection.Sampling.Data;

/// <summary>A drawn sample with everything needed to show, re-run and defend it.</summary>
public sealed record StoredSample(
    Guid SampleId,
    string InspectionId,
    Guid SnapshotId,
    int SnapshotVersion,
    string SnapshotDigest,
    DrawRequest Request,
    string AlgorithmVersion,
    DateTimeOffset DrawnAt,
    bool Current,
    long PopulationSize,
    long EligibleSize,
    IReadOnlyList<ExclusionCount> Exclusions,
    SampleSize Size,
    IReadOnlyList<StratumSummary> Strata,
    IReadOnlyList<QuotaOutcome> Quotas,
    IReadOnlyList<StoredSampleCase> Cases,
    IReadOnlyList<StoredSubstitution> Substitutions)
{
    /// <summary>Sampled cases still in the sample, in draw order.</summary>
    public IEnumerable<StoredSampleCase> ActiveCases => Cases.Where(c => c.Role == SampleMember.Sampled && c.Status == SampleMember.Active);
}
