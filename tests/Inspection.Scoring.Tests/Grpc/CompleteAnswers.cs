using Inspection.Scoring.Domain.Assessments;
using Answer = Inspection.Scoring.V1.Answer;
using Framework = Inspection.Scoring.Domain.Frameworks.Framework;

namespace Inspection.Scoring.Tests.Grpc;

/// <summary>A complete case assessment: every key question and prompt that can apply to the case answered with the
/// same word, and Not applicable where a question cannot apply.</summary>
public static class CompleteAnswers
{
    public static IEnumerable<Answer> For(Framework framework, SampledCaseFacts @case, string word)
    {
        foreach (var keyQuestion in framework.CaseKeyQuestions)
            yield return Answer(keyQuestion.Id, QuestionApplicability.For(keyQuestion, @case).Applicability);
        foreach (var prompt in framework.CasePrompts)
            yield return Answer(prompt.Id, QuestionApplicability.For(framework, prompt.Id, @case).Applicability);

        Answer Answer(string id, Applicability applicability) =>
            new() { QuestionId = id, Answer_ = applicability == Applicability.DoesNotApply ? "Not applicable" : word };
    }
}
