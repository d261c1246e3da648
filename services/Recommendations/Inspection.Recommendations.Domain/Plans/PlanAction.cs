using Inspection.Domain.Vocabularies;

namespace Inspection.Recommendations.Domain.Plans;

/// <summary>An action of a recommendation's plan: what, who owns it (role and name as the plan gives them), its status and every target date it has had.</summary>
public sealed record PlanAction(
    Guid Id,
    Guid RecommendationId,
    int Number,
    string Description,
    string OwnerRole,
    string OwnerName,
    PlanActionStatus Status,
    string StatusReason,
    IReadOnlyList<TargetDate> TargetDates,
    PlanSource Source,
    string RecordedBy,
    DateTimeOffset RecordedAt)
{
    public DateOnly TargetDate => TargetDates[^1].Date;

    /// <summary>How many times the original date was revised.</summary>
    public int Revisions => TargetDates.Count - 1;

    /// <summary>Complete or withdrawn: nothing more is expected of it.</summary>
    public bool Closed => Status is PlanActionStatus.Complete or PlanActionStatus.Withdrawn;

    public IReadOnlyList<OffTrackReason> OffTrack(DateOnly today, PlanRule rule) => OffTrackRule.Reasons(this, today, rule);
}
