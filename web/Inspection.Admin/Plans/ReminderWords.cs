using Inspection.Admin.Presentation;
using Inspection.Recommendations.V1;

namespace Inspection.Admin.Plans;

/// <summary>A reminder as staff read it: what it is, when it is due in words, and how far off or overdue.</summary>
public static class ReminderWords
{
    /// <summary>"Overdue by 10 days", "Due today", "Due in 1 day".</summary>
    public static string When(Reminder reminder) =>
        reminder.Overdue ? $"Overdue by {Days(reminder.Days)}"
        : reminder.Days == 0 ? "Due today"
        : $"Due in {Days(reminder.Days)}";

    public static string Days(int days) => days == 1 ? "1 day" : $"{days} days";

    /// <summary>What the reminder is about, in a line (causes for concern, issue 23 item 5, get their own line here).</summary>
    public static string What(Reminder reminder) => reminder.Kind.As<ReminderKind>() switch
    {
        ReminderKind.ImprovementPlan => $"Improvement plan from {reminder.ProviderName}",
        ReminderKind.PlanAction => $"Action {reminder.RecommendationNumber}.{reminder.Action.Number} for {reminder.ProviderName}: {reminder.Action.Description}",
        _ => reminder.ProviderName,
    };

    /// <summary>Where the reminder leads: the inspection's recommendations (a plan), or the recommendation (an action).</summary>
    public static string Href(Reminder reminder) =>
        reminder.Kind.Is(ReminderKind.PlanAction) ? $"/recommendations/{reminder.RecommendationId}" : $"/recommendations?inspection={reminder.InspectionId}";

    /// <summary>The line under it: the inspection and its recommendations (a plan); the recommendation, owner and response (an action).</summary>
    public static string Detail(Reminder reminder) =>
        reminder.Kind.Is(ReminderKind.PlanAction)
            ? $"Recommendation {reminder.RecommendationNumber}: {reminder.RecommendationText}. Owner: {PlanView.Owner(reminder.Action)}. "
              + (string.IsNullOrEmpty(reminder.Response) ? "No response recorded." : $"Response: {reminder.Response}.")
            : $"Inspection published {DisplayDate.Format(reminder.InspectionPublishedOn)}; {reminder.RecommendationCount} recommendation{(reminder.RecommendationCount == 1 ? "" : "s")} to answer.";
}
