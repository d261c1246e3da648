using Inspection.Recommendations.Domain.Frameworks;

namespace Inspection.Recommendations.Domain.Inspections;

/// <summary>An inspection to add to the calendar, validated against the framework data.</summary>
public sealed record NewInspection(Guid ProviderId, string FrameworkId, DateOnly? FieldworkStart, DateOnly? FieldworkEnd, string LeadInspector, string CreatedBy)
{
    public static NewInspection Create(
        string? providerId, string? frameworkId, string? fieldworkStart, string? fieldworkEnd, string? leadInspector, string? createdBy,
        FrameworkCatalogue frameworks)
    {
        var violations = new List<FieldViolation>();
        var provider = Identifier.ParseRequired(providerId, "provider_id", violations);
        var framework = frameworks.ParseFrameworkId(frameworkId, "framework_id", violations);
        var start = CalendarDate.Optional(violations, "fieldwork_start", fieldworkStart);
        var end = CalendarDate.Optional(violations, "fieldwork_end", fieldworkEnd);
        if (end is not null && start is null && !string.IsNullOrWhiteSpace(fieldworkEnd) && string.IsNullOrWhiteSpace(fieldworkStart))
            violations.Add(new FieldViolation("fieldwork_start", "required when fieldwork_end is given"));
        if (start is { } s && end is { } e && e < s) violations.Add(new FieldViolation("fieldwork_end", "before fieldwork_start"));
        var lead = RequestText.Optional(leadInspector, "lead_inspector", 200, violations);
        var by = RequestText.Required(createdBy, "created_by", 200, violations);
        ValidationException.ThrowIfAny(violations);
        return new NewInspection(provider, framework!, start, end, lead, by);
    }
}
