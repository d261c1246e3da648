namespace Inspection.Recommendations.Domain.Inspections;

/// <summary>The publication of an inspection's report: its date and who recorded it.</summary>
public sealed record InspectionPublication(Guid InspectionId, DateOnly PublishedOn, string PublishedBy)
{
    public static InspectionPublication Create(string? inspectionId, string? publishedOn, string? publishedBy)
    {
        var violations = new List<FieldViolation>();
        var id = Identifier.ParseRequired(inspectionId, "inspection_id", violations);
        var date = CalendarDate.Required(violations, "published_on", publishedOn);
        var by = RequestText.Required(publishedBy, "published_by", 200, violations);
        ValidationException.ThrowIfAny(violations);
        return new InspectionPublication(id, date!.Value, by);
    }
}
