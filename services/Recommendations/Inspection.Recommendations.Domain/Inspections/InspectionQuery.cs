namespace Inspection.Recommendations.Domain.Inspections;

/// <summary>Which inspections a list asks for: by provider (optionally with its ancestors), status, framework and dates.</summary>
public sealed record InspectionQuery(
    Guid? ProviderId, bool IncludePredecessors, InspectionStatus? Status, string FrameworkId, DateOnly? From, DateOnly? To, PageRequest Page)
{
    /// <summary>Only published inspections whose improvement plan fell due before <see cref="AsOf"/> and has not been received.</summary>
    public bool ImprovementPlanOverdueOnly { get; init; }

    public DateOnly? AsOf { get; init; }

    /// <summary>Newest first: by publication, or fieldwork start when not published.</summary>
    public bool NewestFirst { get; init; }

    public static InspectionQuery Create(
        string? providerId, bool includePredecessors, string? status, string? frameworkId, string? from, string? to, int pageSize, string? pageToken,
        DateOnly today, bool improvementPlanOverdueOnly = false, string? asOf = null, bool newestFirst = false)
    {
        var violations = new List<FieldViolation>();
        var provider = Identifier.ParseOptional(providerId, "provider_id", violations);
        if (includePredecessors && provider is null) violations.Add(new FieldViolation("include_predecessors", "needs provider_id"));
        var validStatus = string.IsNullOrWhiteSpace(status) ? null : InspectionStatus.Parse(status, "status", violations);
        var fromDate = CalendarDate.Optional(violations, "from_date", from);
        var toDate = CalendarDate.Optional(violations, "to_date", to);
        if (fromDate is { } f && toDate is { } t && t < f) violations.Add(new FieldViolation("to_date", "before from_date"));
        var asOfDate = CalendarDate.Optional(violations, "as_of", asOf) ?? today;
        var page = PageRequest.Parse(pageSize, pageToken, violations);
        ValidationException.ThrowIfAny(violations);
        return new InspectionQuery(provider, includePredecessors, validStatus, frameworkId?.Trim() ?? string.Empty, fromDate, toDate, page)
        {
            ImprovementPlanOverdueOnly = improvementPlanOverdueOnly, AsOf = asOfDate, NewestFirst = newestFirst,
        };
    }
}
