using Inspection.Recommendations.V1;

namespace Inspection.Sampling.Upstream;

/// <summary>
/// The inspection register as recommendation tracking serves it over gRPC. Its failures and its deadline need nothing of
/// their own: the one client way gives the deadline and raises UpstreamException, mapped once (an inspection it does not
/// know is the caller's FAILED_PRECONDITION naming the app, an unreachable register UNAVAILABLE).
/// </summary>
public sealed class RecommendationTrackingRegister(RecommendationTracking.RecommendationTrackingClient client) : IInspectionRegister
{
    public async Task EnsureExistsAsync(string inspectionId, CancellationToken ct) =>
        await client.GetInspectionAsync(new GetInspectionRequest { InspectionId = inspectionId }, cancellationToken: ct);
}
