namespace Inspection.Sampling.Domain;

/// <summary>
/// What an inspector asks for when drawing a sample, as asked (not yet validated). Stored with the sample,
/// so the draw can be re-run and each exclusion re-explained from it.
/// </summary>
public sealed record DrawRequest(
    string RequestId,
    string InspectionId,
    string SnapshotId,
    IReadOnlyList<WindowText> Windows,
    IReadOnlyList<string> SentenceTypes,
    SizeRule Size,
    IReadOnlyList<string> StratifyBy,
    IReadOnlyList<Quota> Quotas,
    FixedSplit? Split,
    ulong Seed,
    int ReservesPerStratum,
    string DrawnBy)
{
    public const int DefaultReservesPerStratum = 5;
    public const int MaxReservesPerStratum = 1000;
}
