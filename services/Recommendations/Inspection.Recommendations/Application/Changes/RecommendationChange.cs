namespace Inspection.Recommendations.Application.Changes;

/// <summary>Something other services or the admin may follow: an inspection published, or a progress judgement recorded.</summary>
public sealed record RecommendationChange(
    long Sequence,
    string Type,
    DateTimeOffset OccurredAt,
    Guid InspectionId,
    Guid ProviderId,
    Guid? RecommendationId,
    Guid? JudgementId,
    string Judgement,
    DateOnly? PublishedOn,
    DateOnly? ImprovementPlanDue,
    string RecordedBy);
