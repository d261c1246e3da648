using Inspection.Domain.Vocabularies;

namespace Inspection.Recommendations.Domain.Plans;

/// <summary>RecordPlanUpdate: who, when (not in the future), what.</summary>
public sealed record NewPlanUpdate(Guid RecommendationId, PlanUpdateKind Kind, DateOnly OccurredOn, string Author, string Text, string RecordedBy, PlanSource Source)
{
    public static NewPlanUpdate Create(
        List<FieldViolation> violations, string? recommendationId, PlanUpdateKind? kind, string? occurredOn, string? author, string? text, string? recordedBy, PlanSource source)
    {
        var id = Identifier.ParseRequired(recommendationId, "recommendation_id", violations);
        var on = CalendarDate.Required(violations, "occurred_on", occurredOn);
        var who = RequestText.Required(author, "author", 200, violations);
        var what = RequestText.Required(text, "text", 8000, violations);
        var by = RequestText.Required(recordedBy, "recorded_by", 200, violations);
        ValidationException.ThrowIfAny(violations);
        return new NewPlanUpdate(id, kind!.Value, on!.Value, who, what, by, source);
    }
}
