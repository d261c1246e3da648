namespace Inspection.Recommendations.Domain.Inspections;

/// <summary>The inspected provider's improvement plan arrived: on which day, and who recorded it.</summary>
public sealed record ImprovementPlanReceipt(Guid InspectionId, DateOnly ReceivedOn, string RecordedBy)
{
    public static ImprovementPlanReceipt Create(string? inspectionId, string? receivedOn, string? recordedBy)
    {
        var violations = new List<FieldViolation>();
        var id = Identifier.ParseRequired(inspectionId, "inspection_id", violations);
        var date = CalendarDate.Required(violations, "received_on", receivedOn);
        var by = RequestText.Required(recordedBy, "recorded_by", 200, violations);
        ValidationException.ThrowIfAny(violations);
        return new ImprovementPlanReceipt(id, date!.Value, by);
    }
}
