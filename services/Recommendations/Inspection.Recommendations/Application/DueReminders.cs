using Inspection.Recommendations.Domain.Plans;
using Inspection.Recommendations.Domain.Reminders;

namespace Inspection.Recommendations.Application;

/// <summary>
/// Reminders (issue 23): improvement plans not received and plan actions not complete, overdue or falling due, as of
/// a day (England's today unless asked). The stores read the candidates; the domain's rule says which are reminders.
/// Filtered to providers with an open cause for concern, the concerns' store says which those are. A cause for concern
/// has no due date of its own, so it is not a reminder: the dashboard and the provider page list the open ones.
/// </summary>
public sealed class DueReminders(ReminderStore reminders, PlanStore plans, ConcernStore concerns, ProviderRegister register, FrameworkCatalogue frameworks)
{
    public async Task<(ReminderList List, Page<Reminder> Page)> ListAsync(ReminderQuery query, CancellationToken ct)
    {
        if (query.ConcernOnly) query = query with { ConcernedProviders = await concerns.OpenProviderIdsAsync(ct) };
        var reach = await register.ListedAsync(query.ProviderId, includePredecessors: true, ct);
        var outstanding = await reminders.PlansDueByAsync(query.DueBy, reach, ct);
        var withActions = await plans.AddressedToAsync(reach, ct);
        var list = ReminderList.Of(query, outstanding, withActions.Select(p => (p, frameworks.PlanRuleFor(p.FrameworkId))));
        return (list, list.PageOf(query.Page));
    }
}
