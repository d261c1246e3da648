using Inspection.Recommendations.Domain.Plans;

namespace Inspection.Recommendations.Application;

/// <summary>An action listed with the plan it belongs to.</summary>
public sealed record ListedAction(RecommendationPlan Plan, PlanAction Action);
