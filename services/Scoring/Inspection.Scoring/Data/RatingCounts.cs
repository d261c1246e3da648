using Inspection.Scoring.Domain.Ratings;

namespace Inspection.Scoring.Data;

/// <summary>What SQL counts for a rating: k and n per key question, the panel departures, and how many cases are assessed.</summary>
public sealed record RatingCounts(
    IReadOnlyDictionary<string, YesCount> KeyQuestions,
    IReadOnlyDictionary<string, PanelDeparture> Departures,
    int CasesAssessed);
