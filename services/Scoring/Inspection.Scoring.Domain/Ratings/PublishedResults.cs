namespace Inspection.Scoring.Domain.Ratings;

/// <summary>
/// An inspection's published figures, for inspections before the system (no case-level data): key-question and
/// prompt percentages with n where known, standard ratings, and for 2008 the criterion percentages, risk-of-harm
/// thread and section 4 grades.
/// </summary>
public sealed record PublishedResults(
    IReadOnlyDictionary<string, PublishedFigure> KeyQuestions,
    IReadOnlyDictionary<string, PublishedFigure> Prompts,
    IReadOnlyDictionary<string, PublishedRating> Ratings,
    IReadOnlyDictionary<string, double> CriterionPcts,
    IReadOnlyDictionary<string, string> Section4Grades,
    double? RiskOfHarmThreadPct)
{
    public static PublishedResults Empty { get; } = new(
        new Dictionary<string, PublishedFigure>(), new Dictionary<string, PublishedFigure>(),
        new Dictionary<string, PublishedRating>(), new Dictionary<string, double>(), new Dictionary<string, string>(), null);
}
