using Inspection.Recommendations.V1;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;

namespace Inspection.Admin.Pages.Providers;

/// <summary>The retired providers: kept in the record, offered nowhere to choose from.</summary>
public sealed class RetiredModel(RecommendationTracking.RecommendationTrackingClient tracking) : PageModel
{
    public IReadOnlyList<Provider> Providers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var providers = new List<Provider>();
        var request = new ListProvidersRequest { RetiredOnly = true, PageSize = 200 };
        do
        {
            var page = await tracking.ListProvidersAsync(request, new CallOptions(cancellationToken: ct));
            providers.AddRange(page.Providers);
            request.PageToken = page.NextPageToken;
        } while (request.PageToken.Length > 0);
        Providers = providers;
    }
}
