namespace Inspection.Recommendations.Domain;

/// <summary>A recommendation an inspection must judge, with the judgement it had before and any already made at this inspection.</summary>
public sealed record DueRecommendation(
    RecommendationProgress Progress,
    ProgressJudgement? PreviousJudgement,
    ProgressJudgement? JudgementAtThisInspection,
    ReachedThrough ReachedThrough);
