using Inspection.Domain.Vocabularies;

namespace Inspection.Recommendations.Domain.Plans;

/// <summary>
/// When an action is off track: its target date has passed and it is not complete, or its date has been revised more
/// often than the framework allows (a plan that keeps moving its dates is not on track, even if the latest date is
/// ahead). A complete or withdrawn action is never off track.
/// </summary>
public static class OffTrackRule
{
    public static IReadOnlyList<OffTrackReason> Reasons(PlanAction action, DateOnly today, PlanRule rule)
    {
        if (action.Closed) return [];
        var reasons = new List<OffTrackReason>(2);
        if (action.TargetDate < today) reasons.Add(OffTrackReason.TargetDatePassed);
        if (action.Revisions > rule.RevisionsAllowed) reasons.Add(OffTrackReason.RevisedTooOften);
        return reasons;
    }
}
