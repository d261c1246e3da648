namespace Inspection.Scoring.Domain.Assessments;

/// <summary>One answer of a case assessment: a key question or a prompt by id, with the inspector's note.</summary>
public sealed record QuestionAnswer(string QuestionId, Answer Answer, string Note = "");
