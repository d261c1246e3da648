namespace Inspection.Scoring.Domain.Assessments;

/// <summary>
/// Whether a case assessment is complete: every key question and prompt of the case standards that can apply to the
/// case is answered (one that may be Not applicable still needs that answer; one that cannot apply, such as a
/// post-custody prompt in a community case, needs none). Until then the assessment is in progress, and the case does
/// not count as assessed.
/// </summary>
public static class AssessmentCompleteness
{
    public static Completeness Of(Framework framework, SampledCaseFacts @case, IEnumerable<string> answeredQuestionIds)
    {
        var answered = answeredQuestionIds.ToHashSet(StringComparer.Ordinal);
        var applicable = 0;
        var unanswered = 0;
        foreach (var standard in framework.Standards.Where(s => s.IsCaseStandard))
        {
            foreach (var keyQuestion in standard.KeyQuestions)
            {
                Count(keyQuestion.Id, QuestionApplicability.For(keyQuestion, @case).Applicability);
                foreach (var prompt in keyQuestion.Prompts)
                    Count(prompt.Id, QuestionApplicability.For(prompt, keyQuestion, @case).Applicability);
            }
            foreach (var prompt in standard.PostCustodyPrompts)
                Count(prompt.Id, QuestionApplicability.For(prompt, null, @case).Applicability);
        }
        return new Completeness(applicable, unanswered);

        void Count(string questionId, Applicability applicability)
        {
            if (applicability == Applicability.DoesNotApply) return;
            applicable++;
            if (!answered.Contains(questionId)) unanswered++;
        }
    }
}

/// <summary>How many questions can apply to a case and how many of them are still unanswered.</summary>
public readonly record struct Completeness(int Applicable, int Unanswered)
{
    public bool IsComplete => Unanswered == 0;
}
