using Inspection.Recommendations.V1;
using CallOptions = Grpc.Core.CallOptions;

namespace Inspection.Admin.Pages.Providers;

/// <summary>Every provider a list request matches, page after page (the register is small: a few hundred at most).</summary>
public static class RegisterPages
{
    public static async Task<List<Provider>> AllAsync(RecommendationTracking.RecommendationTrackingClient tracking, ListProvidersRequest request, CancellationToken ct)
    {
        var providers = new List<Provider>();
        request.PageSize = 200;
        do
        {
            var page = await tracking.ListProvidersAsync(request, new CallOptions(cancellationToken: ct));
            providers.AddRange(page.Providers);
            request.PageToken = page.NextPageToken;
        } while (request.PageToken.Length > 0);
        return providers;
    }
}
