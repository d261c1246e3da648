namespace Inspection.Scoring.Domain.Assessments;

/// <summary>An answer as submitted, before validation: the answer is still a word.</summary>
public sealed record AnswerInput(string QuestionId, string Answer, string Note = "");
