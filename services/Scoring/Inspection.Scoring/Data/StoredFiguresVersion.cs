namespace Inspection.Scoring.Data;

/// <summary>One stored version of a published inspection's figures: the ratings and prompt figures as the service
/// returned them (protobuf JSON of the contract's messages), with what computed them and why the version exists.</summary>
public sealed record StoredFiguresVersion(
    string InspectionId,
    int Version,
    string Kind,
    string Reason,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    string PublishedOn,
    string FrameworkId,
    string FrameworkVersion,
    string MethodVersion,
    string RatingsJson,
    string PromptsJson)
{
    public const string Publication = "publication";
    public const string Correction = "correction";
    /// <summary>An inspection published before figures were stored: what the computation gave when they first were.</summary>
    public const string Backfill = "backfill";
}
