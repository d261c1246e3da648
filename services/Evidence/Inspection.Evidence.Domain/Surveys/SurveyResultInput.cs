namespace Inspection.Evidence.Domain.Surveys;

/// <summary>A survey result as a caller states it: counts only, the percentage is computed.</summary>
public sealed record SurveyResultInput(
    string? Survey,
    string? Question,
    int Respondents,
    int Agreeing,
    string? StandardId,
    string? KeyQuestionId,
    string? RecordedBy);
