using Inspection.Domain.Vocabularies;

namespace Inspection.Recommendations.Domain.Plans;

/// <summary>RecordResponse: the addressee's response, with its reason (required unless Agreed) and date.</summary>
public sealed record NewResponse(Guid RecommendationId, AddresseeResponse Response, string Reason, DateOnly RespondedOn, string RecordedBy, PlanSource Source)
{
    /// <param name="violations">Violations found already (the words, read by the host), added to and thrown together.</param>
    public static NewResponse Create(
        List<FieldViolation> violations, string? recommendationId, AddresseeResponse? response, string? reason, string? respondedOn, string? recordedBy, PlanSource source)
    {
        var id = Identifier.ParseRequired(recommendationId, "recommendation_id", violations);
        var why = RequestText.Optional(reason, "reason", 4000, violations);
        if (response is not null and not AddresseeResponse.Agreed && why.Length == 0)
            violations.Add(new FieldViolation("reason", "required when the recommendation is not agreed in full"));
        var on = CalendarDate.Required(violations, "responded_on", respondedOn);
        var by = RequestText.Required(recordedBy, "recorded_by", 200, violations);
        ValidationException.ThrowIfAny(violations);
        return new NewResponse(id, response!.Value, why, on!.Value, by, source);
    }
}
