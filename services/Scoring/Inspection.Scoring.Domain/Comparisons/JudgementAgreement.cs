using Inspection.Domain.Vocabularies;
using Inspection.Statistics.Comparisons;

namespace Inspection.Scoring.Domain.Comparisons;

/// <summary>
/// Whether a progress judgement and the measured change of a linked key question disagree: Sufficient progress while
/// the key question fell with a 95% interval wholly below zero, or No progress while it rose with one wholly above
/// zero. Some progress never disagrees, and neither does a change whose interval holds zero (no clear change either
/// way). A warning for the inspector, not a refusal: the judgement weighs more than one key question.
/// </summary>
public static class JudgementAgreement
{
    /// <returns>Why they disagree, in words; null when they do not.</returns>
    public static string? Disagreement(ProgressWord judgement, ProportionDifference change) => judgement switch
    {
        ProgressWord.SufficientProgress when change.WhollyBelowZero =>
            "judged Sufficient progress, but the key question fell and its whole 95% interval is below zero",
        ProgressWord.NoProgress when change.WhollyAboveZero =>
            "judged No progress, but the key question rose and its whole 95% interval is above zero",
        _ => null,
    };
}
