using Inspection.Recommendations.Domain.Plans;
using Inspection.Recommendations.Domain.Reminders;

namespace Inspection.Recommendations.Application;

/// <summary>
/// Reminders (issue 23): improvement plans not received and plan actions not complete, overdue or falling due, as of
/// a day (England's today unless asked). The stores read the candidates; the domain's rule says which are reminders.
/// Causes for concern (issue 23, item 5) are a third source of reminders: their reader joins the two below.
/// </summary>
public sealed class DueReminders(ReminderStore reminders, PlanStore plans, ProviderRegister register, FrameworkCatalogue frameworks)
{
    public async Task<(ReminderList List, Page<Reminder> Page)> ListAsync(ReminderQuery query, CancellationToken ct)
    {
        var reach = await register.ListedAsync(query.ProviderId, includePredecessors: true, ct);
        var outstanding = await reminders.PlansDueByAsync(query.DueBy, reach, ct);
        var withActions = await plans.AddressedToAsync(reach, ct);
        var list = ReminderList.Of(query, outstanding, withActions.Select(p => (p, frameworks.PlanRuleFor(p.FrameworkId))));
        return (list, list.PageOf(query.Page));
    }
}
