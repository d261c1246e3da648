
namespace Inspection.Recommendations.Data;

/// <summary>A progress judgement as stored, read by the recommendations' history and by the judgements' own store.</summary>
internal sealed record JudgementRow(
    Guid JudgementId, long Sequence, Guid RecommendationId, Guid InspectionId, Guid InspectionProviderId, string Judgement,
    string Findings, bool RepeatedFromPreviousInspection, int Revision, string RecordedBy, DateTime RecordedAt, string CorrectionReason)
{
    /// <summary>Selects exactly the columns of the constructor, in its order (Dapper fills the record through it).</summary>
    public const string Select =
        """
        select j.judgement_id, j.sequence, j.recommendation_id, j.inspection_id, ji.provider_id as inspection_provider_id, j.judgement,
               j.findings, j.repeated_from_previous_inspection, j.revision, j.recorded_by, j.recorded_at, j.correction_reason
        from progress_judgements j join inspections ji on ji.inspection_id = j.inspection_id
        """;

    public ProgressJudgement ToJudgement() =>
        new(JudgementId, Sequence, RecommendationId, InspectionId, InspectionProviderId, Judgement, Findings, RepeatedFromPreviousInspection,
            Revision, RecordedBy, StoredValues.Instant(RecordedAt), CorrectionReason);
}
