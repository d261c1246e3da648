namespace Inspection.Evidence.Domain.Surveys;

/// <summary>One survey question's result: how many answered and how many agreed; the percentage follows from them.</summary>
public sealed record SurveyResult(
    Guid SurveyResultId,
    string InspectionId,
    string Survey,
    string Question,
    Percentage Agreeing,
    string? StandardId,
    string? KeyQuestionId,
    string RecordedBy,
    DateTimeOffset RecordedAt)
{
    public const int QuestionMaxLength = 1000;

    public static SurveyResult Create(Guid id, string inspectionId, OrganisationalFramework framework, SurveyResultInput input, DateTimeOffset now)
    {
        var violations = new List<FieldViolation>();
        if (!Surveys.Survey.IsKnown(input.Survey))
            violations.Add(new FieldViolation("survey", $"'{input.Survey}' is not a survey (expected one of {string.Join(", ", Surveys.Survey.All)})"));
        var question = FieldRules.Required(violations, "question", input.Question, QuestionMaxLength);
        var recordedBy = FieldRules.Required(violations, "recorded_by", input.RecordedBy);

        if (input.Respondents <= 0)
            violations.Add(new FieldViolation("respondents", "must be at least 1"));
        if (input.Agreeing < 0)
            violations.Add(new FieldViolation("agreeing", "cannot be negative"));
        else if (input.Respondents > 0 && input.Agreeing > input.Respondents)
            violations.Add(new FieldViolation("agreeing", $"{input.Agreeing} agreeing is more than the {input.Respondents} respondents"));

        string? standardId = null, keyQuestionId = null;
        if (!string.IsNullOrWhiteSpace(input.StandardId))
        {
            var standard = framework.FindStandard(input.StandardId.Trim());
            if (standard is null)
                violations.Add(new FieldViolation("standard_id", $"'{input.StandardId}' is not a domain-one standard of framework {framework.Id}"));
            else
            {
                standardId = standard.Id;
                if (!string.IsNullOrWhiteSpace(input.KeyQuestionId))
                {
                    if (standard.FindKeyQuestion(input.KeyQuestionId.Trim()) is null)
                        violations.Add(new FieldViolation("key_question_id", $"'{input.KeyQuestionId}' is not a key question of standard {standard.Id}"));
                    else
                        keyQuestionId = input.KeyQuestionId.Trim();
                }
            }
        }
        else if (!string.IsNullOrWhiteSpace(input.KeyQuestionId))
            violations.Add(new FieldViolation("key_question_id", "needs standard_id"));

        ValidationException.ThrowIfAny(violations);
        return new SurveyResult(id, inspectionId, input.Survey!, question!, new Percentage(input.Agreeing, input.Respondents),
            standardId, keyQuestionId, recordedBy!, now);
    }
}
