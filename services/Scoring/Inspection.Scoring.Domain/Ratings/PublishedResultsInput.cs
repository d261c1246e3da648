namespace Inspection.Scoring.Domain.Ratings;

/// <summary>Published results as submitted, before validation against the framework.</summary>
public sealed record PublishedResultsInput(
    IReadOnlyList<PublishedFigureInput> KeyQuestions,
    IReadOnlyList<PublishedFigureInput> Prompts,
    IReadOnlyList<PublishedRatingInput> Ratings,
    IReadOnlyList<(string CriterionId, double Pct)> Criteria,
    IReadOnlyList<(string CriterionId, string Grade)> Section4Grades,
    double? RiskOfHarmThreadPct);
