namespace Inspection.Domain.Vocabularies;

/// <summary>A caseload snapshot is importing until it is completed (sampling.proto Snapshot.status). Its words: <c>WireWords.SnapshotStatuses</c> in Inspection.Contracts.</summary>
public enum SnapshotStatus
{
    Importing,
    Complete,
}
