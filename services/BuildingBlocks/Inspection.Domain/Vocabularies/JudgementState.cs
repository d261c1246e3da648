namespace Inspection.Domain.Vocabularies;

/// <summary>A judgement (evidence) or a panel's departure (scoring) is a draft until the lead inspector finalises it. Its words: <c>WireWords.JudgementStates</c> in Inspection.Contracts.</summary>
public enum JudgementState
{
    Draft,
    Final,
}
