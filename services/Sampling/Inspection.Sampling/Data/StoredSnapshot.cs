namespace Inspection.Sampling.Data;

/// <summary>A caseload snapshot as stored: importing until completed, then never changed.</summary>
public sealed record StoredSnapshot(
    Guid SnapshotId,
    string ProviderId,
    int Version,
    DateOnly TakenOn,
    string Description,
    string Status,
    long CaseCount,
    string Digest,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt)
{
    public const string Importing = "importing";
    public const string Complete = "complete";
}
