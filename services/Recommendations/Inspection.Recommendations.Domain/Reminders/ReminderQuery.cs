using Inspection.Domain.Vocabularies;

namespace Inspection.Recommendations.Domain.Reminders;

/// <summary>
/// ListReminders: as of a day (today in England unless given), looking a number of days ahead (30 unless given), about
/// a provider (with its predecessors) or all, filtered by response, off track, priority and cause for concern, a page at
/// a time.
/// </summary>
public sealed record ReminderQuery(
    Guid? ProviderId, ResponseFilter? Response, bool OffTrackOnly, bool PriorityOnly, int DaysAhead, DateOnly AsOf, PageRequest Page,
    bool ConcernOnly = false)
{
    /// <summary>With <see cref="ConcernOnly"/>: the providers with an open cause for concern, as the store read them.</summary>
    public IReadOnlySet<Guid> ConcernedProviders { get; init; } = new HashSet<Guid>();

    /// <param name="violations">Violations found already (the words, read by the host), added to and thrown together.</param>
    public static ReminderQuery Create(
        List<FieldViolation> violations, string? providerId, ResponseFilter? response, bool offTrackOnly, bool priorityOnly, int withinDays, string? asOf,
        DateOnly today, int pageSize, string? pageToken, bool concernOnly = false)
    {
        var provider = Identifier.ParseOptional(providerId, "provider_id", violations);
        if (withinDays is < 0 or > ReminderRule.MaxDaysAhead)
            violations.Add(new FieldViolation("within_days", $"{withinDays} days: from 1 to {ReminderRule.MaxDaysAhead} (0 for {ReminderRule.DefaultDaysAhead})"));
        var on = CalendarDate.Optional(violations, "as_of", asOf);
        var page = PageRequest.Parse(pageSize, pageToken, violations);
        ValidationException.ThrowIfAny(violations);
        return new ReminderQuery(provider, response, offTrackOnly, priorityOnly, withinDays == 0 ? ReminderRule.DefaultDaysAhead : withinDays, on ?? today, page, concernOnly);
    }

    /// <summary>The last day "falls due" looks at.</summary>
    public DateOnly DueBy => AsOf.AddDays(DaysAhead);

    public bool Keeps(Reminder reminder) =>
        (Response is not { } response || reminder.Responses.Contains(response))
        && (!OffTrackOnly || reminder.OffTrack)
        && (!PriorityOnly || reminder.Priority)
        && (!ConcernOnly || ConcernedProviders.Contains(reminder.ProviderId));
}
