namespace Inspection.Sampling.Domain.Sizing;

/// <summary>
/// A sample size and how it was reached. For a computed size: z, n0 (infinite population), the unrounded
/// finite-population n and the n used (rounded up). For a fixed size those figures are zero. Planned for a part of the
/// sample (<see cref="ApplicableShare"/> below 100): <see cref="ApplicableN"/> is the part's size for the margin, and
/// <see cref="N"/> the whole sample expected to hold it.
/// </summary>
public sealed record SampleSize(
    string Mode,
    long PopulationSize,
    double ConfidenceLevel,
    double MarginOfError,
    double ExpectedProportion,
    double Z,
    double N0,
    double NUnrounded,
    int N,
    string Explanation,
    double ApplicableShare = 100,
    int ApplicableN = 0)
{
    public const string CalculatedMode = "calculated";
    public const string FixedMode = "fixed";
}
