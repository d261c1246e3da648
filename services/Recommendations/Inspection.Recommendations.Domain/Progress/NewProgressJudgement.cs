namespace Inspection.Recommendations.Domain.Progress;

/// <summary>
/// A progress judgement to record. The judgement word is checked against the scale of the judging inspection's
/// framework by <see cref="ValidJudgement"/>, once that inspection is known.
/// </summary>
public sealed record NewProgressJudgement(
    Guid RecommendationId, Guid InspectionId, string Judgement, string Findings, bool RepeatedFromPreviousInspection, string RecordedBy,
    string CorrectionReason = "")
{
    public static NewProgressJudgement Create(
        string? recommendationId, string? inspectionId, string? judgement, string? findings, bool repeatedFromPreviousInspection, string? recordedBy,
        string? correctionReason = null)
    {
        var violations = new List<FieldViolation>();
        var recommendation = Identifier.ParseRequired(recommendationId, "recommendation_id", violations);
        var inspection = Identifier.ParseRequired(inspectionId, "inspection_id", violations);
        var word = RequestText.Required(judgement, "judgement", 100, violations);
        var text = RequestText.Optional(findings, "findings", 20000, violations);
        var by = RequestText.Required(recordedBy, "recorded_by", 200, violations);
        var reason = RequestText.Optional(correctionReason, "correction_reason", 2000, violations);
        ValidationException.ThrowIfAny(violations);
        return new NewProgressJudgement(recommendation, inspection, word, text, repeatedFromPreviousInspection, by, reason.Trim());
    }

    /// <summary>A judgement at a published inspection is a correction of its report's annex, with the reason why.</summary>
    public string CorrectionReasonAt(ProviderInspection judgingInspection) =>
        judgingInspection.CorrectionReasonFor(CorrectionReason, "a progress judgement at it changes its published annex");

    /// <summary>The judgement spelt as the scale spells it; a word not on the scale is refused, naming the field.</summary>
    public string ValidJudgement(ProgressScale scale)
    {
        var violations = new List<FieldViolation>();
        var word = scale.Parse(Judgement, "judgement", violations);
        ValidationException.ThrowIfAny(violations);
        return word!;
    }
}
