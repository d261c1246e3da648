namespace Inspection.Recommendations.Domain.Plans;

/// <summary>
/// A framework's rules for plans (recommendation-rules.json): how many times an action's target date may be revised
/// before the action is off track, and how many priority recommendations an inspection may make (none: no cap).
/// </summary>
public sealed record PlanRule(int RevisionsAllowed, int? PriorityCap)
{
    /// <summary>One revision is a plan adjusting to events; a second, and the action is off track (the README says why).</summary>
    public const int DefaultRevisionsAllowed = 1;

    public static readonly PlanRule Default = new(DefaultRevisionsAllowed, null);
}
