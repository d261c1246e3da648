using Inspection.Recommendations.V1;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inspection.Admin.Pages.Providers;

/// <summary>The retired providers: kept in the record, offered nowhere to choose from.</summary>
public sealed class RetiredModel(RecommendationTracking.RecommendationTrackingClient tracking) : PageModel
{
    public IReadOnlyList<Provider> Providers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Providers = await RegisterPages.AllAsync(tracking, new ListProvidersRequest { RetiredOnly = true }, ct);
    }
}
