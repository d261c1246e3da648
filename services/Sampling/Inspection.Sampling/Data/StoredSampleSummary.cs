namespace Inspection.Sampling.Data;

/// <summary>One line of a list of samples.</summary>
public sealed record StoredSampleSummary(
    Guid SampleId, string InspectionId, Guid SnapshotId, int Size, ulong Seed, string AlgorithmVersion,
    string DrawnBy, DateTimeOffset DrawnAt, bool Current, int Substitutions);
