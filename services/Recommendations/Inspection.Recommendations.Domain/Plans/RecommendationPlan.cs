namespace Inspection.Recommendations.Domain.Plans;

/// <summary>One recommendation's plan: the recommendation as made, the response, the actions, the updates and the reported statuses, at a version.</summary>
public sealed record RecommendationPlan(
    Guid RecommendationId,
    Guid InspectionId,
    string FrameworkId,
    int Number,
    Guid AddresseeProviderId,
    string AddresseeName,
    string Text,
    bool Priority,
    DateOnly? InspectionPublishedOn,
    long Version,
    RecordedResponse? Response,
    IReadOnlyList<PlanAction> Actions,
    IReadOnlyList<RecordedUpdate> Updates,
    IReadOnlyList<RecordedStatus> ReportedStatuses)
{
    /// <summary>A plan follows the report: nothing is recorded against a recommendation of an inspection not yet published.</summary>
    public void EnsurePublished()
    {
        if (InspectionPublishedOn is null)
            throw new PreconditionFailedException(
                $"Recommendation {Number} belongs to an inspection that is not published yet: its response, plan and updates follow publication.");
    }

    public PlanAction Action(Guid actionId) =>
        Actions.FirstOrDefault(a => a.Id == actionId) ?? throw new NotFoundException("Action", Identifier.Format(actionId));

    public int NextActionNumber => Actions.Count == 0 ? 1 : Actions.Max(a => a.Number) + 1;
}
