namespace Inspection.Scoring.Domain.Ratings;

/// <summary>Score (Inadequate 0 ... Outstanding 3) over the maximum (3 x rated applicable standards) and the overall
/// rating by exact fraction. <c>Rating</c> is null until every scored standard has a rating.</summary>
public sealed record OverallResult(int Score, int MaxScore, int ScoredStandards, int RatedStandards, string? Rating)
{
    public bool Complete => ScoredStandards == RatedStandards;

    public Fraction? Fraction => MaxScore > 0 ? new Fraction(Score, MaxScore) : null;
}
