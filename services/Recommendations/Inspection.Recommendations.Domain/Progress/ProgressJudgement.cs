namespace Inspection.Recommendations.Domain.Progress;

/// <summary>
/// A judgement of a recommendation's progress at a later inspection. Never changed once recorded: a correction
/// at the same inspection is a new revision, so the history is the progress record.
/// </summary>
public sealed record ProgressJudgement(
    Guid Id,
    long Sequence,
    Guid RecommendationId,
    Guid InspectionId,
    Guid InspectionProviderId,
    string Judgement,
    string Findings,
    bool RepeatedFromPreviousInspection,
    int Revision,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    string CorrectionReason = "")
{
    /// <summary>Recorded after the judging inspection was published: a correction of its report's annex.</summary>
    public bool IsCorrection => CorrectionReason.Length > 0;
}
