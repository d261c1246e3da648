using Inspection.Admin.Plans;
using Inspection.Admin.Presentation;
using Inspection.Recommendations.V1;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;

namespace Inspection.Admin.Pages.Recommendations;

/// <summary>
/// Every reminder (issue 23), from the tracker and the dashboard: improvement plans not received and plan actions not
/// complete, overdue or falling due in the next 30 days, by provider (with its predecessors), response, off track and
/// priority, a page at a time. Recommendation tracking decides what is due as of today in England.
/// </summary>
public sealed class RemindersModel(RecommendationTracking.RecommendationTrackingClient tracking, RecommendationPlans.RecommendationPlansClient plans) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? Provider { get; set; }
    [BindProperty(SupportsGet = true, Name = "response")] public string? AddresseeResponse { get; set; }
    [BindProperty(SupportsGet = true, Name = "offtrack")] public bool OffTrack { get; set; }
    [BindProperty(SupportsGet = true)] public bool Priority { get; set; }
    [BindProperty(SupportsGet = true)] public bool Concern { get; set; }
    // "p", not "page": Razor Pages keeps the route value "page" for the page itself.
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public ReminderFilter Filter { get; private set; } = new(null, false, false);
    public IReadOnlyList<Provider> Providers { get; private set; } = [];
    public ListRemindersResponse Reminders { get; private set; } = new();
    public PageLinks Pages { get; private set; } = PageLinks.For(1, PageSize, 0, _ => "/recommendations/reminders");

    public async Task OnGetAsync(CancellationToken ct)
    {
        var options = new CallOptions(cancellationToken: ct);
        Providers = (await tracking.ListProvidersAsync(new ListProvidersRequest { PageSize = 1000 }, options)).Providers.OrderBy(p => p.Name).ToList();
        Filter = ReminderFilter.Read(AddresseeResponse, OffTrack, Priority, Providers.Any(p => p.ProviderId == Provider) ? Provider : null, Concern);
        var page = PageLinks.FromQuery(PageNumber);
        Reminders = await plans.ListRemindersAsync(Filter.ToRequest(PageSize, PageLinks.TokenFor(page, PageSize)), options);
        Pages = PageLinks.For(page, PageSize, Reminders.Overdue + Reminders.FallsDue, n => "/recommendations/reminders" + Filter.Query(n));
    }
}
