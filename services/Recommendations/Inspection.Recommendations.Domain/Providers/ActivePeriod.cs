namespace Inspection.Recommendations.Domain.Providers;

/// <summary>
/// When a provider was active, as a request gives it: active_from not after <c>today</c> (the date in England, so a
/// provider cannot be recorded as starting in the future), active_to not before active_from.
/// </summary>
public static class ActivePeriod
{
    public static (DateOnly? From, DateOnly? To) Read(string? activeFrom, string? activeTo, DateOnly today, List<FieldViolation> violations)
    {
        var from = CalendarDate.Optional(violations, "active_from", activeFrom);
        var to = CalendarDate.Optional(violations, "active_to", activeTo);
        if (from is { } f && f > today)
            violations.Add(new FieldViolation("active_from", $"{CalendarDate.ToText(f)} is after today's date in England ({CalendarDate.ToText(today)}): a provider cannot be recorded as active from a date still to come"));
        if (from is { } start && to is { } end && end < start) violations.Add(new FieldViolation("active_to", "before active_from"));
        return (from, to);
    }
}
