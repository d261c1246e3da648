namespace Inspection.Recommendations.Application;

/// <summary>The inspection after an AddRecommendations request, and the recommendations that request made.</summary>
public sealed record AddedRecommendations(ProviderInspection Inspection, IReadOnlyList<RecommendationProgress> Recommendations);
