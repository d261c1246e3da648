namespace Inspection.Domain.Vocabularies;

/// <summary>Why an action is off track (plans.proto PlanAction.off_track_because). Its words: <c>WireWords.OffTrackReasons</c> in Inspection.Contracts.</summary>
public enum OffTrackReason
{
    TargetDatePassed,
    RevisedTooOften,
}
