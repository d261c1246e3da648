namespace Inspection.Domain.Vocabularies;

/// <summary>Where an action of a recommendation's plan stands (plans.proto PlanAction.status). Its words: <c>WireWords.PlanActionStatuses</c> in Inspection.Contracts.</summary>
public enum PlanActionStatus
{
    NotStarted,
    InProgress,
    Complete,
    Withdrawn,
}
