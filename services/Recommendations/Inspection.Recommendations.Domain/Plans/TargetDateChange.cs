using Inspection.Domain.Vocabularies;

namespace Inspection.Recommendations.Domain.Plans;

/// <summary>ReviseTargetDate: a new target date, only with its reason (the earlier dates are kept).</summary>
public sealed record TargetDateChange(Guid ActionId, DateOnly TargetDate, string Reason, string RecordedBy, PlanSource Source)
{
    public static TargetDateChange Create(List<FieldViolation> violations, string? actionId, string? targetDate, string? reason, string? recordedBy, PlanSource source)
    {
        var id = Identifier.ParseRequired(actionId, "action_id", violations);
        var date = CalendarDate.Required(violations, "target_date", targetDate);
        var why = RequestText.Required(reason, "reason", 4000, violations);
        var by = RequestText.Required(recordedBy, "recorded_by", 200, violations);
        ValidationException.ThrowIfAny(violations);
        return new TargetDateChange(id, date!.Value, why, by, source);
    }

    /// <summary>A revision must move the date: the same date again is refused naming target_date.</summary>
    public void EnsureMoves(PlanAction action)
    {
        if (action.TargetDate == TargetDate)
            throw new ValidationException("target_date", $"{CalendarDate.ToText(TargetDate)} is the action's target date already");
    }
}
