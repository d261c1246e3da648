namespace Inspection.Recommendations.Domain.Links;

/// <summary>A recommendation's links, with the inspection that made it and that inspection's framework (whose ids they are).</summary>
public sealed record LinkedRecommendation(Guid RecommendationId, Guid InspectionId, string FrameworkId, IReadOnlyList<RecommendationLink> Links);
