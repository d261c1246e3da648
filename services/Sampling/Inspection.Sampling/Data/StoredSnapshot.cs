namespace Inspection.Sampling.Data;

/// <summary>A caseload snapshot as stored: importing until completed, then never changed (but for being withdrawn, with a reason).</summary>
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
    DateTimeOffset? CompletedAt,
    WithdrawnSnapshot? Withdrawn = null)
{
    public const string Importing = "importing";
    public const string Complete = "complete";
}
