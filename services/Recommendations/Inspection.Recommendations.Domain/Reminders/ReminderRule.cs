namespace Inspection.Recommendations.Domain.Reminders;

/// <summary>
/// When something with a due day is a reminder: once done, never; overdue once its day has passed (due today is not
/// overdue yet, as the off-track rule has it); it falls due when its day is from today to the end of the days ahead,
/// both included; further off, it is not a reminder yet.
/// </summary>
public static class ReminderRule
{
    /// <summary>Staff asked to see what falls due in the next 30 days.</summary>
    public const int DefaultDaysAhead = 30;

    /// <summary>A year (and a leap day) is the furthest a reminder looks.</summary>
    public const int MaxDaysAhead = 366;

    public static DueState? Of(DateOnly dueOn, bool done, DateOnly today, int daysAhead) =>
        done ? null
        : dueOn < today ? DueState.Overdue
        : dueOn <= today.AddDays(daysAhead) ? DueState.FallsDue
        : null;
}
