using Inspection.Domain.Vocabularies;

namespace Inspection.Recommendations.Domain.Plans;

/// <summary>RecordReportedStatus: the addressee's own status on a day (not in the future), with an optional note.</summary>
public sealed record NewReportedStatus(Guid RecommendationId, ReportedProgress Status, DateOnly ReportedOn, string Note, string RecordedBy, PlanSource Source)
{
    public static NewReportedStatus Create(
        List<FieldViolation> violations, string? recommendationId, ReportedProgress? status, string? reportedOn, string? note, string? recordedBy, PlanSource source)
    {
        var id = Identifier.ParseRequired(recommendationId, "recommendation_id", violations);
        var on = CalendarDate.Required(violations, "reported_on", reportedOn);
        var why = RequestText.Optional(note, "note", 4000, violations);
        var by = RequestText.Required(recordedBy, "recorded_by", 200, violations);
        ValidationException.ThrowIfAny(violations);
        return new NewReportedStatus(id, status!.Value, on!.Value, why, by, source);
    }
}
