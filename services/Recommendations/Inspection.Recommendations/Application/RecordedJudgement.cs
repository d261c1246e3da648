namespace Inspection.Recommendations.Application;

/// <summary>A judgement just recorded, with its recommendation as it now stands (new version, full history).</summary>
public sealed record RecordedJudgement(ProgressJudgement Judgement, RecommendationProgress Recommendation, ProviderInspection Inspection);
