using Inspection.Domain.Vocabularies;
using Inspection.Scoring.Domain.Assessments;
using Inspection.Scoring.Domain.Frameworks;

namespace Inspection.Scoring.Application;

/// <summary>
/// ListAllowedAnswers: the answers a case may give each key question and prompt, by the same rulings
/// (<see cref="QuestionApplicability"/>) RecordCaseAssessment refuses with, so a form offers no answer scoring would
/// refuse and no caller keeps a copy of the rules.
/// </summary>
public sealed class CaseAnswerRules(InspectionFrameworks frameworks, ICaseSampleSource samples)
{
    /// <summary>One question's allowed answers and why.</summary>
    public sealed record Entry(string QuestionId, string StandardId, IReadOnlyList<AnswerValue> Answers, string Reason);

    public async Task<IReadOnlyList<Entry>> ForCaseAsync(string inspectionId, string caseReference, string? standardId, CancellationToken ct)
    {
        var violations = new List<FieldViolation>();
        if (string.IsNullOrWhiteSpace(inspectionId)) violations.Add(new("inspection_id", "an inspection id is required"));
        if (string.IsNullOrWhiteSpace(caseReference)) violations.Add(new("case_reference", "a case reference is required"));
        ValidationException.ThrowIfAny(violations);

        var (framework, _) = await frameworks.OfAsync(inspectionId, ct);
        var standards = framework.Standards.Where(s => s.IsCaseStandard).ToList();
        if (!string.IsNullOrEmpty(standardId))
            standards = standards.Where(s => s.Id == standardId).ToList() is { Count: > 0 } one
                ? one
                : throw new ValidationException("standard_id", $"'{standardId}' is not a case standard of {framework.Id}");
        var sample = await samples.CurrentSampleAsync(inspectionId, ct);
        var @case = sample.Find(caseReference)
            ?? throw new ValidationException("case_reference", $"case {caseReference} is not in the current sample of inspection {inspectionId}");

        return standards.SelectMany(standard =>
            standard.KeyQuestions.SelectMany(question =>
                    question.Prompts.Select(prompt => Allowed(prompt.Id, standard, QuestionApplicability.For(prompt, question, @case)))
                        .Prepend(Allowed(question.Id, standard, QuestionApplicability.For(question, @case))))
                .Concat(standard.PostCustodyPrompts.Select(prompt => Allowed(prompt.Id, standard, QuestionApplicability.For(prompt, null, @case)))))
            .ToList();
    }

    private static Entry Allowed(string questionId, Standard standard, ApplicabilityRuling ruling) =>
        new(questionId, standard.Id, ruling.Applicability switch
        {
            Applicability.Applies => [AnswerValue.Yes, AnswerValue.No],
            Applicability.DoesNotApply => [AnswerValue.NotApplicable],
            _ => [AnswerValue.Yes, AnswerValue.No, AnswerValue.NotApplicable],
        }, ruling.Reason);
}
