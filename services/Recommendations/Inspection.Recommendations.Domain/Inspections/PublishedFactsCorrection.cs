namespace Inspection.Recommendations.Domain.Inspections;

/// <summary>
/// A correction of the published inspection record itself: the facts to put right (null: left as published) and why.
/// </summary>
public sealed record PublishedFactsCorrection(
    Guid InspectionId, DateOnly? PublishedOn, DateOnly? FieldworkStart, DateOnly? FieldworkEnd, string Reason, string CorrectedBy)
{
    public static PublishedFactsCorrection Create(
        string? inspectionId, string? publishedOn, string? fieldworkStart, string? fieldworkEnd, string? reason, string? correctedBy)
    {
        var violations = new List<FieldViolation>();
        var id = Identifier.ParseRequired(inspectionId, "inspection_id", violations);
        var published = CalendarDate.Optional(violations, "published_on", publishedOn);
        var start = CalendarDate.Optional(violations, "fieldwork_start", fieldworkStart);
        var end = CalendarDate.Optional(violations, "fieldwork_end", fieldworkEnd);
        if (string.IsNullOrWhiteSpace(publishedOn) && string.IsNullOrWhiteSpace(fieldworkStart) && string.IsNullOrWhiteSpace(fieldworkEnd))
            violations.Add(new FieldViolation("published_on", "Give the corrected publication date or fieldwork dates"));
        var why = RequestText.Required(reason, "correction_reason", 2000, violations);
        var by = RequestText.Required(correctedBy, "corrected_by", 200, violations);
        ValidationException.ThrowIfAny(violations);
        return new PublishedFactsCorrection(id, published, start, end, why.Trim(), by);
    }
}
