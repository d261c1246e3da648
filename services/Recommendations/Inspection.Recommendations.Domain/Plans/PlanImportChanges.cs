namespace Inspection.Recommendations.Domain.Plans;

/// <summary>What a plan file changes: responses to record, actions to add, actions to change, dates to revise (each only where the file differs from what is stored).</summary>
public sealed record PlanImportChanges(
    IReadOnlyList<NewResponse> Responses, IReadOnlyList<NewPlanAction> Added, IReadOnlyList<PlanActionChange> Changed, IReadOnlyList<TargetDateChange> Revised)
{
    public bool Any => Responses.Count + Added.Count + Changed.Count + Revised.Count > 0;
}
