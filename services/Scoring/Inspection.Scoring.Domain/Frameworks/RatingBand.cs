namespace Inspection.Scoring.Domain.Frameworks;

/// <summary>One band of whole-number percentages: <c>MinPct</c> inclusive to <c>MaxPctExclusive</c> (open at the top when null).</summary>
public sealed record RatingBand(string Rating, int MinPct, int? MaxPctExclusive)
{
    public bool Contains(int roundedPct) => roundedPct >= MinPct && (MaxPctExclusive is null || roundedPct < MaxPctExclusive);
}
