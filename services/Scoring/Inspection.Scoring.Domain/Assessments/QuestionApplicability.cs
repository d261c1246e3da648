namespace Inspection.Scoring.Domain.Assessments;

/// <summary>
/// The README's applicability rules: <c>*</c> prompts do not apply in unpaid-work-only cases, <c>**</c> prompts may
/// be Not applicable, post-custody prompts apply to licence cases only, a scoped standard or key question (court work,
/// the risk-of-harm relevant sub-sample) applies only where the case attribute is true. A key question always applies
/// when at least one of its prompts always applies; with no prompts to go by it may be Not applicable.
/// </summary>
public static class QuestionApplicability
{
    public static ApplicabilityRuling For(KeyQuestion keyQuestion, SampledCaseFacts @case)
    {
        if (keyQuestion.CaseAttribute is { } attribute && !@case.Flag(attribute))
            return new(Applicability.DoesNotApply, OutOfScopeReason(attribute));
        if (keyQuestion.RelevantSubsampleOnly)
            return new(Applicability.Applies, "the case is in the risk-of-harm relevant sub-sample");
        if (keyQuestion.Prompts.Count == 0)
            return new(Applicability.MayNotApply, "the framework prints no prompts that always apply");
        return keyQuestion.Prompts.Any(p => For(p, null, @case).Applicability == Applicability.Applies)
            ? new(Applicability.Applies, "at least one of its prompts applies to every such case")
            : new(Applicability.MayNotApply, "none of its prompts applies to every such case");
    }

    /// <param name="keyQuestion">The prompt's key question (null for post-custody prompts).</param>
    public static ApplicabilityRuling For(Prompt prompt, KeyQuestion? keyQuestion, SampledCaseFacts @case)
    {
        if (keyQuestion?.CaseAttribute is { } attribute && !@case.Flag(attribute))
            return new(Applicability.DoesNotApply, OutOfScopeReason(attribute));
        if (prompt.PostCustodyOnly && !@case.IsLicence)
            return new(Applicability.DoesNotApply, $"post-custody prompts apply to licence cases only, and this is a {Words(@case.SentenceType)} case");
        if (prompt.NotInUnpaidWorkOnly && @case.UnpaidWorkOnly)
            return new(Applicability.DoesNotApply, "prompts marked * do not apply in unpaid-work-only cases");
        if (prompt.NotEveryCase)
            return new(Applicability.MayNotApply, "prompts marked ** do not apply in every case");
        return new(Applicability.Applies, "the prompt has no ** marker, so it applies in every case it can apply to");
    }

    public static ApplicabilityRuling For(Framework framework, string questionId, SampledCaseFacts @case)
    {
        if (framework.FindKeyQuestion(questionId) is { } keyQuestion) return For(keyQuestion, @case);
        var prompt = framework.FindPrompt(questionId) ?? throw new ArgumentException($"'{questionId}' is not a question of {framework.Id}", nameof(questionId));
        return For(prompt, prompt.KeyQuestionId is null ? null : framework.FindKeyQuestion(prompt.KeyQuestionId), @case);
    }

    private static string OutOfScopeReason(string attribute) => attribute switch
    {
        "court_report" => "the case has no court report",
        "rosh_relevant" => "the case is not in the risk-of-harm relevant sub-sample",
        "statutory_victim_contact" => "the case has no statutory victim contact",
        _ => $"the case's {attribute} is not true",
    };

    private static string Words(string sentenceType) => sentenceType.Replace('_', ' ');
}
