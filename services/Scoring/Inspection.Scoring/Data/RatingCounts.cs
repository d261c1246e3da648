using Inspection.Scoring.Domain.Ratings;

namespace Inspection.Scoring.Data;

/// <summary>What SQL counts for a rating: k and n per key question, the panel departures, how many cases have an
/// assessment, and per assessed case whether its assessment is complete.</summary>
public sealed record RatingCounts(
    IReadOnlyDictionary<string, YesCount> KeyQuestions,
    IReadOnlyDictionary<string, PanelDeparture> Departures,
    int CasesAssessed,
    IReadOnlyDictionary<string, bool> CompleteByCase);
