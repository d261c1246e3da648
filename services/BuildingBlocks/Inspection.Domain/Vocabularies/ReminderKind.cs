namespace Inspection.Domain.Vocabularies;

/// <summary>
/// What a reminder is about (plans.proto Reminder.kind). Causes for concern (issue 23, item 5) join as a kind of their
/// own when they are built. Its words: <c>WireWords.ReminderKinds</c> in Inspection.Contracts.
/// </summary>
public enum ReminderKind
{
    ImprovementPlan,
    PlanAction,
}
