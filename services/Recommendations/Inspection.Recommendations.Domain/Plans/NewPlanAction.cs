using Inspection.Domain.Vocabularies;

namespace Inspection.Recommendations.Domain.Plans;

/// <summary>AddPlanAction: what will be done, by whom, by when. An action is not added withdrawn.</summary>
public sealed record NewPlanAction(
    Guid RecommendationId, string Description, string OwnerRole, string OwnerName, DateOnly TargetDate, PlanActionStatus Status, string RecordedBy, PlanSource Source)
{
    public static NewPlanAction Create(
        List<FieldViolation> violations, string? recommendationId, string? description, string? ownerRole, string? ownerName, string? targetDate,
        PlanActionStatus? status, string? recordedBy, PlanSource source)
    {
        var id = Identifier.ParseRequired(recommendationId, "recommendation_id", violations);
        var (what, role, name) = ActionText.Read(violations, description, ownerRole, ownerName);
        var date = CalendarDate.Required(violations, "target_date", targetDate);
        if (status == PlanActionStatus.Withdrawn) violations.Add(new FieldViolation("status", "an action is not added withdrawn"));
        var by = RequestText.Required(recordedBy, "recorded_by", 200, violations);
        ValidationException.ThrowIfAny(violations);
        return new NewPlanAction(id, what, role, name, date!.Value, status ?? PlanActionStatus.NotStarted, by, source);
    }
}
