using Inspection.Recommendations.V1;

namespace Inspection.Admin.Plans;

/// <summary>How a plan's parts read on a page.</summary>
public static class PlanView
{
    /// <summary>The owner as the plan gives it: role and name, either alone when the other is not given.</summary>
    public static string Owner(PlanAction action) =>
        string.Join(", ", new[] { action.OwnerRole, action.OwnerName }.Where(p => !string.IsNullOrWhiteSpace(p)));

    /// <summary>Why an action is off track, in words.</summary>
    public static string OffTrack(PlanAction action) =>
        string.Join(" and ", action.OffTrackBecause.Select(r => r.As<OffTrackReason>() switch
        {
            OffTrackReason.TargetDatePassed => "its target date has passed",
            OffTrackReason.RevisedTooOften => "its target date was revised more often than allowed",
            _ => "it is off track",
        }));
}
