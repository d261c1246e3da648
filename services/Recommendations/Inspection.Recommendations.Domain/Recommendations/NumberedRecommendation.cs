namespace Inspection.Recommendations.Domain.Recommendations;

/// <summary>A new recommendation with the number the service gave it.</summary>
public sealed record NumberedRecommendation(int Number, NewRecommendation Recommendation);
