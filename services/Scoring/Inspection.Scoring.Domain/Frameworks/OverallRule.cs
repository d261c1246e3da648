namespace Inspection.Scoring.Domain.Frameworks;

/// <summary>Points per rating word and the overall bands by fraction of the maximum score.</summary>
public sealed class OverallRule(IReadOnlyDictionary<string, int> points, IReadOnlyList<OverallBand> bands)
{
    public IReadOnlyDictionary<string, int> Points { get; } = points;

    /// <summary>Ordered from the lowest fraction up, as the framework lists them.</summary>
    public IReadOnlyList<OverallBand> Bands { get; } = bands;

    /// <summary>Each rated standard can score at most this (3 for Outstanding).</summary>
    public int MaxPointsPerStandard { get; } = points.Count == 0 ? 0 : points.Values.Max();

    public string RatingFor(Fraction fraction) =>
        Bands.FirstOrDefault(b => fraction <= b.MaxFractionInclusive)?.Rating ?? Bands[^1].Rating;
}
