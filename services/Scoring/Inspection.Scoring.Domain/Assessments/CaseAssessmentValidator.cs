namespace Inspection.Scoring.Domain.Assessments;

/// <summary>
/// Checks a case assessment against the framework and the case's attributes, collecting every problem before failing
/// so an inspector sees them all at once. Field paths use the proto field names (<c>answers[3].answer</c>).
/// </summary>
public static class CaseAssessmentValidator
{
    public const int MaxNoteLength = 4000;

    public static IReadOnlyList<QuestionAnswer> Validate(Framework framework, SampledCaseFacts @case, IReadOnlyList<AnswerInput> answers)
    {
        if (!framework.SupportsCaseAssessments)
        {
            throw new PreconditionFailedException(
                $"framework {framework.Id} carries its criteria only, without case questions: record the inspection's published results instead");
        }

        var violations = new List<FieldViolation>();
        var accepted = new List<QuestionAnswer>(answers.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < answers.Count; i++)
        {
            var input = answers[i];
            var questionField = $"answers[{i}].question_id";
            var answerField = $"answers[{i}].answer";
            var id = input.QuestionId?.Trim() ?? "";
            if (id.Length == 0)
            {
                violations.Add(new(questionField, "a question id is required"));
                continue;
            }
            if (!IsCaseQuestion(framework, id))
            {
                violations.Add(new(questionField, $"'{id}' is not a key question or prompt of a case standard of framework {framework.Id}"));
                continue;
            }
            if (!seen.Add(id))
            {
                violations.Add(new(questionField, $"'{id}' is answered more than once"));
                continue;
            }
            if ((input.Note?.Length ?? 0) > MaxNoteLength)
                violations.Add(new($"answers[{i}].note", $"a note is at most {MaxNoteLength} characters"));
            if (!AnswerWords.TryParse(input.Answer, out var answer))
            {
                violations.Add(new(answerField, $"'{id}': the answer must be one of {string.Join(", ", AnswerWords.All)}"));
                continue;
            }

            var ruling = QuestionApplicability.For(framework, id, @case);
            if (ruling.Applicability == Applicability.DoesNotApply && answer != Answer.NotApplicable)
                violations.Add(new(answerField, $"'{id}' cannot be answered {answer.ToWord()} for case {@case.CaseReference}: {ruling.Reason}; answer Not applicable"));
            else if (ruling.Applicability == Applicability.Applies && answer == Answer.NotApplicable)
                violations.Add(new(answerField, $"'{id}' cannot be Not applicable for case {@case.CaseReference}: {ruling.Reason}"));
            else
                accepted.Add(new QuestionAnswer(id, answer, input.Note ?? ""));
        }
        ValidationException.ThrowIfAny(violations);
        return accepted;
    }

    private static bool IsCaseQuestion(Framework framework, string id)
    {
        if (framework.FindKeyQuestion(id) is { } keyQuestion) return framework.StandardOf(keyQuestion).IsCaseStandard;
        return framework.FindPrompt(id) is { } prompt && framework.StandardOf(prompt).IsCaseStandard;
    }
}
