namespace Inspection.Domain.Vocabularies;

/// <summary>The changes recommendation tracking streams (recommendations.proto ChangeEvent.type). Its words: <c>WireWords.ChangeEventTypes</c> in Inspection.Contracts.</summary>
public enum ChangeEventType
{
    Subscribed,
    InspectionPublished,
    ProgressJudgementRecorded,
}
