namespace Inspection.Domain.Vocabularies;

/// <summary>An inspector's answer to a question of a case assessment (scoring.proto answer). Its words: <c>WireWords.AnswerValues</c> in Inspection.Contracts.</summary>
public enum AnswerValue
{
    Yes,
    No,
    NotApplicable,
}
