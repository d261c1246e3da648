using Inspection.Recommendations.V1;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inspection.Admin.Pages.Providers;

public sealed class IndexModel(RecommendationTracking.RecommendationTrackingClient tracking) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public string? PageToken { get; set; }

    public IReadOnlyList<Provider> Providers { get; private set; } = [];
    public string NextPage { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var reply = await tracking.ListProvidersAsync(new ListProvidersRequest
        {
            NameContains = Name?.Trim() ?? "",
            Type = Type ?? "",
            Region = Region?.Trim() ?? "",
            PageSize = 50,
            PageToken = PageToken ?? "",
        }, new Grpc.Core.CallOptions(cancellationToken: ct));
        Providers = reply.Providers;
        NextPage = reply.NextPageToken;
    }
}
