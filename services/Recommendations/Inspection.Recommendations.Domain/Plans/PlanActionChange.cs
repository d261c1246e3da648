using Inspection.Domain.Vocabularies;

namespace Inspection.Recommendations.Domain.Plans;

/// <summary>UpdatePlanAction: the action's wording, owner and status as they now stand; Withdrawn needs its reason.</summary>
public sealed record PlanActionChange(
    Guid ActionId, string Description, string OwnerRole, string OwnerName, PlanActionStatus Status, string StatusReason, string RecordedBy, PlanSource Source)
{
    public static PlanActionChange Create(
        List<FieldViolation> violations, string? actionId, string? description, string? ownerRole, string? ownerName, PlanActionStatus? status,
        string? statusReason, string? recordedBy, PlanSource source)
    {
        var id = Identifier.ParseRequired(actionId, "action_id", violations);
        var (what, role, name) = ActionText.Read(violations, description, ownerRole, ownerName);
        var reason = ReasonFor(violations, status, statusReason, "status_reason");
        var by = RequestText.Required(recordedBy, "recorded_by", 200, violations);
        ValidationException.ThrowIfAny(violations);
        return new PlanActionChange(id, what, role, name, status!.Value, reason, by, source);
    }

    /// <summary>A withdrawal's reason (required); any other status keeps none.</summary>
    public static string ReasonFor(ICollection<FieldViolation> violations, PlanActionStatus? status, string? reason, string field)
    {
        var why = RequestText.Optional(reason, field, 4000, violations);
        if (status == PlanActionStatus.Withdrawn && why.Length == 0) violations.Add(new FieldViolation(field, "required when the action is withdrawn"));
        return status == PlanActionStatus.Withdrawn ? why : string.Empty;
    }

    public bool Changes(PlanAction action) =>
        action.Description != Description || action.OwnerRole != OwnerRole || action.OwnerName != OwnerName
        || action.Status != Status || action.StatusReason != StatusReason;
}
