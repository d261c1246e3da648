using Inspection.Domain;
using Inspection.Scoring.Domain.Assessments;
using Inspection.Scoring.Domain.Frameworks;

namespace Inspection.Scoring.Tests.Domain;

/// <summary>A case assessment is checked against the framework and the case's attributes; every violation names the
/// question and the field.</summary>
public sealed class CaseAssessmentValidationTests
{
    private static readonly Framework Framework = Frameworks.Pdu2021;
    private static readonly SampledCaseFacts Community = SampledCaseFacts.Create("C001", "community_order", courtReport: true);
    private static readonly SampledCaseFacts UnpaidWorkOnly = SampledCaseFacts.Create("C002", "community_order", unpaidWorkOnly: true);
    private static readonly SampledCaseFacts Licence = SampledCaseFacts.Create("C003", "licence");

    private static FieldViolation Single(SampledCaseFacts @case, params AnswerInput[] answers) =>
        Assert.Single(Assert.Throws<ValidationException>(() => CaseAssessmentValidator.Validate(Framework, @case, answers)).Violations);

    [Fact]
    public void Unknown_question_ids_are_refused()
    {
        var violation = Single(Community, new AnswerInput("2.2.1", "Yes"), new AnswerInput("2.9.9", "Yes"));

        Assert.Equal("answers[1].question_id", violation.Field);
        Assert.Contains("'2.9.9'", violation.Description);
    }

    [Fact]
    public void Domain_one_key_questions_are_not_case_questions()
    {
        Assert.Equal("answers[0].question_id", Single(Community, new AnswerInput("1.1.1", "Yes")).Field);
    }

    [Fact]
    public void Not_applicable_is_refused_where_the_question_always_applies()
    {
        var prompt = Single(Community, new AnswerInput("2.2.1.p1", "Not applicable"));
        var keyQuestion = Single(Community, new AnswerInput("2.2.1", "Not applicable"));

        Assert.Equal("answers[0].answer", prompt.Field);
        Assert.Contains("'2.2.1.p1' cannot be Not applicable", prompt.Description);
        Assert.Contains("'2.2.1' cannot be Not applicable", keyQuestion.Description);
    }

    [Fact]
    public void Not_applicable_is_accepted_where_the_question_may_not_apply()
    {
        var answers = CaseAssessmentValidator.Validate(Framework, Community,
            [new AnswerInput("2.2.2.p2", "Not applicable"), new AnswerInput("2.3.3", "Not applicable"), new AnswerInput("2.5.3", "Not applicable")]);

        Assert.All(answers, a => Assert.Equal(Answer.NotApplicable, a.Answer));
    }

    [Fact]
    public void A_post_custody_prompt_answered_in_a_community_case_is_refused()
    {
        var violation = Single(Community, new AnswerInput("2.4.pc1", "No"));

        Assert.Equal("answers[0].answer", violation.Field);
        Assert.Contains("'2.4.pc1'", violation.Description);
        Assert.Contains("licence cases only", violation.Description);
        Assert.Single(CaseAssessmentValidator.Validate(Framework, Licence, [new AnswerInput("2.4.pc1", "No")]));
        Assert.Single(CaseAssessmentValidator.Validate(Framework, Community, [new AnswerInput("2.4.pc1", "Not applicable")]));
        // In a licence case the post-custody prompts always apply.
        Assert.Contains("cannot be Not applicable", Single(Licence, new AnswerInput("2.4.pc2", "Not applicable")).Description);
    }

    [Fact]
    public void A_starred_prompt_answered_in_an_unpaid_work_only_case_is_refused()
    {
        var violation = Single(UnpaidWorkOnly, new AnswerInput("2.3.2.p1", "Yes"));

        Assert.Equal("answers[0].answer", violation.Field);
        Assert.Contains("'2.3.2.p1'", violation.Description);
        Assert.Contains("unpaid-work-only", violation.Description);
        Assert.Single(CaseAssessmentValidator.Validate(Framework, Community, [new AnswerInput("2.3.2.p1", "Yes")]));
    }

    [Fact]
    public void Court_work_is_answered_only_in_cases_with_a_court_report()
    {
        var violation = Single(Licence, new AnswerInput("2.1.1", "Yes"));

        Assert.Contains("no court report", violation.Description);
        Assert.Single(CaseAssessmentValidator.Validate(Framework, Community, [new AnswerInput("2.1.1", "Yes")]));
    }

    [Fact]
    public void Relevant_subsample_key_questions_are_answered_only_in_the_sub_sample()
    {
        var notRelevant = SampledCaseFacts.Create("C010", "licence", roshRelevant: false);
        var relevant = SampledCaseFacts.Create("C011", "licence", roshRelevant: true);

        var violation = Assert.Single(Assert.Throws<ValidationException>(() =>
            CaseAssessmentValidator.Validate(Frameworks.Nps2018, notRelevant, [new AnswerInput("2.2.3", "Yes")])).Violations);
        Assert.Contains("relevant sub-sample", violation.Description);
        Assert.Single(CaseAssessmentValidator.Validate(Frameworks.Nps2018, notRelevant, [new AnswerInput("2.2.3", "Not applicable")]));
        Assert.Single(CaseAssessmentValidator.Validate(Frameworks.Nps2018, relevant, [new AnswerInput("2.2.3", "No")]));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var exception = Assert.Throws<ValidationException>(() => CaseAssessmentValidator.Validate(Framework, UnpaidWorkOnly,
        [
            new AnswerInput("2.2.1", "Maybe"),
            new AnswerInput("2.2.1", "Yes"),
            new AnswerInput("", "Yes"),
            new AnswerInput("2.4.pc3", "Yes"),
            new AnswerInput("2.4.2.p3", "No"),
        ]));

        Assert.Equal(
            ["answers[0].answer", "answers[1].question_id", "answers[2].question_id", "answers[3].answer", "answers[4].answer"],
            exception.Violations.Select(v => v.Field));
    }

    [Fact]
    public void The_2008_framework_has_no_case_questions_to_answer()
    {
        Assert.Throws<PreconditionFailedException>(() =>
            CaseAssessmentValidator.Validate(Frameworks.Omi2008, Community, [new AnswerInput("1.1", "Yes")]));
    }

    [Fact]
    public void Contradictions_between_a_key_question_and_its_prompts_are_flagged_not_changed()
    {
        var answers = CaseAssessmentValidator.Validate(Framework, Community,
        [
            new AnswerInput("2.2.1", "Yes"),
            new AnswerInput("2.2.1.p1", "No"), new AnswerInput("2.2.1.p2", "No"), new AnswerInput("2.2.1.p3", "No"), new AnswerInput("2.2.1.p4", "No"),
            new AnswerInput("2.2.2", "No"),
            new AnswerInput("2.2.2.p1", "Yes"), new AnswerInput("2.2.2.p2", "Not applicable"), new AnswerInput("2.2.2.p3", "Yes"),
            new AnswerInput("2.2.3", "Yes"),
            new AnswerInput("2.2.3.p1", "No"), new AnswerInput("2.2.3.p2", "Yes"),
        ]);

        var flags = ContradictionCheck.Find(Framework, "C001", answers);

        Assert.Equal([("2.2.1", ModerationFlag.YesWithEveryPromptNo), ("2.2.2", ModerationFlag.NoWithEveryPromptYes)],
            flags.Select(f => (f.KeyQuestionId, f.Kind)));
        Assert.Equal(Answer.Yes, answers.Single(a => a.QuestionId == "2.2.1").Answer);
        Assert.Contains("all 2 applicable prompts are Yes", flags[1].Description);
    }
}
