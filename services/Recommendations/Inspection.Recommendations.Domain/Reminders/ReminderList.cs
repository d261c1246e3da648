namespace Inspection.Recommendations.Domain.Reminders;

/// <summary>
/// The reminders as of a day: every outstanding improvement plan and open plan action that is overdue or falls due,
/// kept by the query's filters. Overdue first, the most recently due first (what slipped last is news; the oldest are
/// known), then what falls due, the soonest first.
/// </summary>
public sealed record ReminderList(IReadOnlyList<Reminder> Reminders, int Overdue, int FallsDue)
{
    public static ReminderList Of(
        ReminderQuery query, IEnumerable<OutstandingPlan> plans, IEnumerable<(RecommendationPlan Plan, PlanRule Rule)> actionPlans)
    {
        var reminders = plans.Select(p => Reminder.ForPlan(p, query.AsOf, query.DaysAhead))
            .Concat(actionPlans.SelectMany(p => p.Plan.Actions.Select(a => Reminder.ForAction(p.Plan, a, p.Rule, query.AsOf, query.DaysAhead))))
            .OfType<Reminder>()
            .Where(query.Keeps)
            .OrderBy(r => r.Overdue ? 0 : 1)
            .ThenBy(r => r.Overdue ? -r.DueOn.DayNumber : r.DueOn.DayNumber)
            .ThenBy(r => r.ProviderName, StringComparer.Ordinal)
            .ThenBy(r => r.Plan?.Number ?? 0)
            .ThenBy(r => r.Action?.Number ?? 0)
            .ToList();
        return new ReminderList(reminders, reminders.Count(r => r.Overdue), reminders.Count(r => !r.Overdue));
    }

    /// <summary>The query's page of the reminders (the counts stay over every page).</summary>
    public Page<Reminder> PageOf(PageRequest page) =>
        page.ToPage(Reminders.Skip(page.Offset).Take(page.Size + 1).ToList()) with { Total = Reminders.Count };
}
