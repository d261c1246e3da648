using Inspection.Admin.Presentation;
using Inspection.Recommendations.V1;

namespace Inspection.Admin.Plans;

/// <summary>The reminders' counts in a sentence: "As of 7 December 2026: 3 overdue and 2 falling due by 6 January 2027 (agreed, off track)."</summary>
public static class ReminderCounts
{
    public static string Sentence(ListRemindersResponse reminders, ReminderFilter filter)
    {
        var filtered = filter.Any && filter.InWords() is { Length: > 0 } words ? $" ({words})" : "";
        return reminders.Overdue + reminders.FallsDue == 0
            ? $"Nothing is overdue or falls due by {DisplayDate.Format(reminders.DueBy)}{filtered}."
            : $"As of {DisplayDate.Format(reminders.AsOf)}: {reminders.Overdue} overdue and {reminders.FallsDue} falling due by {DisplayDate.Format(reminders.DueBy)}{filtered}.";
    }
}
