namespace Inspection.Sampling.Domain;

/// <summary>
/// What an inspector asks for when drawing a sample, as asked (not yet validated). Stored with the sample,
/// so the draw can be re-run and each exclusion re-explained from it. <see cref="AssessmentsSetAside"/> records, for a
/// re-draw, how many case assessments of the earlier sample the person confirmed would be set aside (assessment
/// scoring owns them; this service only keeps what was confirmed).
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
    string DrawnBy,
    int AssessmentsSetAside = 0)
{
    public const int DefaultReservesPerStratum = 5;
    public const int MaxReservesPerStratum = 1000;
}
