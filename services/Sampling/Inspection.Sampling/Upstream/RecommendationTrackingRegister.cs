using Inspection.Recommendations.V1;

namespace Inspection.Sampling.Upstream;

/// <summary>
/// The inspection and provider register as recommendation tracking serves it over gRPC. Its failures and its deadline
/// need nothing of their own: the one client way gives the deadline and raises UpstreamException, mapped once (an
/// inspection or provider it does not know is the caller's FAILED_PRECONDITION naming the app, an unreachable register
/// UNAVAILABLE).
/// </summary>
public sealed class RecommendationTrackingRegister(RecommendationTracking.RecommendationTrackingClient client) : IInspectionRegister, IProviderRegister
{
    public async Task EnsureExistsAsync(string inspectionId, CancellationToken ct) =>
        await client.GetInspectionAsync(new GetInspectionRequest { InspectionId = inspectionId }, cancellationToken: ct);

    async Task IProviderRegister.EnsureExistsAsync(string providerId, CancellationToken ct) =>
        await client.GetProviderAsync(new GetProviderRequest { ProviderId = providerId }, cancellationToken: ct);
}
