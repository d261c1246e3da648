namespace Inspection.Recommendations.Domain.Progress;

/// <summary>A recommendation an inspection must judge, with the judgement it had before and any already made at this inspection.</summary>
public sealed record DueRecommendation(
    RecommendationProgress Progress,
    ProgressJudgement? PreviousJudgement,
    ProgressJudgement? JudgementAtThisInspection,
    ReachedThrough ReachedThrough);
