namespace Inspection.Scoring.Domain.Frameworks;

/// <summary>An overall rating given when score / maximum is at most <c>MaxFractionInclusive</c>.</summary>
public sealed record OverallBand(string Rating, Fraction MaxFractionInclusive);
