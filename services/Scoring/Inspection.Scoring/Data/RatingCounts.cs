using Inspection.Scoring.Domain.Ratings;

namespace Inspection.Scoring.Data;

/// <summary>What SQL counts for a rating, over the current sample's active cases only: k and n per key question, the
/// panel departures, how many of those cases have an assessment, per assessed case whether its assessment is complete,
/// and how many assessments are set aside (kept, never counted).</summary>
public sealed record RatingCounts(
    IReadOnlyDictionary<string, YesCount> KeyQuestions,
    IReadOnlyDictionary<string, PanelDeparture> Departures,
    int CasesAssessed,
    IReadOnlyDictionary<string, bool> CompleteByCase,
    int SetAside = 0)
{
    /// <summary>Per key question, its applicable answers by case reference (true for Yes): what the design-based
    /// intervals are computed over.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, bool>> ApplicableAnswers { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, bool>>();
}
