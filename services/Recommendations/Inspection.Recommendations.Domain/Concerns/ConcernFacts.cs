namespace Inspection.Recommendations.Domain.Concerns;

/// <summary>
/// What every rule is evaluated against, read at once: the inspections, the latest progress judgements with their
/// recommendations' standards, the plans of priority recommendations, and the providers' lineage.
/// </summary>
public sealed record ConcernFacts(
    IReadOnlyList<InspectionFacts> Inspections, IReadOnlyList<JudgementFacts> Judgements, IReadOnlyList<RecommendationPlan> PriorityPlans, ProviderAncestry Ancestry);
