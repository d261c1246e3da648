using Inspection.Recommendations.Domain.Plans;

namespace Inspection.Recommendations.Application;

/// <summary>An imported plan file: the inspection's plans after it, and how many changes it made of each kind.</summary>
public sealed record PlanImportResult(IReadOnlyList<RecommendationPlan> Plans, int ResponsesRecorded, int ActionsAdded, int ActionsChanged, int DatesRevised);
