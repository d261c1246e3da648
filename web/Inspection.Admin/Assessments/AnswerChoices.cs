using Inspection.Sampling.V1;
using Inspection.Scoring.V1;

namespace Inspection.Admin.Assessments;

/// <summary>
/// Which answers the form offers for a question of a case: only those that may apply (spec section 2's markers,
/// post-custody prompts for licence cases only, scoped key questions for cases in scope). This mirrors assessment
/// scoring's rules only to keep impossible choices off the page; the service still decides and refuses anything else.
/// </summary>
public static class AnswerChoices
{
    public static readonly string Yes = AnswerValue.Yes.Word();
    public static readonly string No = AnswerValue.No.Word();
    public static readonly string NotApplicable = AnswerValue.NotApplicable.Word();

    private static readonly string[] YesNo = [Yes, No];
    private static readonly string[] All = [Yes, No, NotApplicable];
    private static readonly string[] OnlyNotApplicable = [NotApplicable];

    public static IReadOnlyList<string> For(KeyQuestion question, SampledCase @case)
    {
        if (!InScope(question, @case)) return OnlyNotApplicable;
        if (question.RelevantSubsampleOnly) return YesNo;
        if (question.Prompts.Count == 0) return All;
        return question.Prompts.Any(p => For(p, question, @case).Count == 2) ? YesNo : All;
    }

    /// <param name="question">The prompt's key question; null for a standard's post-custody prompts.</param>
    public static IReadOnlyList<string> For(Prompt prompt, KeyQuestion? question, SampledCase @case)
    {
        if (question is not null && !InScope(question, @case)) return OnlyNotApplicable;
        if (prompt.PostCustodyOnly && !@case.SentenceType.Is(SentenceType.Licence)) return OnlyNotApplicable;
        if (prompt.NotInUnpaidWorkOnly && @case.UnpaidWorkOnly) return OnlyNotApplicable;
        return prompt.NotEveryCase ? All : YesNo;
    }

    private static bool InScope(KeyQuestion question, SampledCase @case) => question.CaseAttribute.As<BreakdownAttribute>() switch
    {
        BreakdownAttribute.CourtReport => @case.CourtReport,
        BreakdownAttribute.RoshRelevant => @case.RoshRelevant,
        BreakdownAttribute.StatutoryVictimContact => @case.StatutoryVictimContact,
        _ => true,
    };
}
