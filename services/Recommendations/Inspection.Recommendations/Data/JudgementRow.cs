using static Inspection.Recommendations.Data.SqlValues;

namespace Inspection.Recommendations.Data;

/// <summary>A progress judgement as stored, read by the recommendations' history and by the judgements' own store.</summary>
internal class JudgementRow
{
    public const string Select =
        """
        select j.judgement_id, j.sequence, j.recommendation_id, j.inspection_id, ji.provider_id as inspection_provider_id, j.judgement,
               j.findings, j.repeated_from_previous_inspection, j.revision, j.recorded_by, j.recorded_at, j.correction_reason
        from progress_judgements j join inspections ji on ji.inspection_id = j.inspection_id
        """;

    public Guid JudgementId { get; set; }
    public long Sequence { get; set; }
    public Guid RecommendationId { get; set; }
    public Guid InspectionId { get; set; }
    public Guid InspectionProviderId { get; set; }
    public string Judgement { get; set; } = "";
    public string Findings { get; set; } = "";
    public bool RepeatedFromPreviousInspection { get; set; }
    public int Revision { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public string CorrectionReason { get; set; } = "";

    public ProgressJudgement ToJudgement() =>
        new(JudgementId, Sequence, RecommendationId, InspectionId, InspectionProviderId, Judgement, Findings, RepeatedFromPreviousInspection,
            Revision, RecordedBy, FromTimestamp(RecordedAt), CorrectionReason);
}
