using Inspection.Recommendations.V1;

namespace Inspection.Evidence.Upstream;

/// <summary>
/// The inspection register as recommendation tracking serves it over gRPC. Its failures need nothing of their own:
/// the client raises UpstreamException, mapped once (an inspection it does not know is the caller's FAILED_PRECONDITION,
/// an unreachable register UNAVAILABLE).
/// </summary>
public sealed class RecommendationTrackingRegister(RecommendationTracking.RecommendationTrackingClient client) : IInspectionRegister
{
    public async Task<RegisteredInspection> GetAsync(string inspectionId, CancellationToken ct) =>
        ToRegistered(await client.GetInspectionAsync(new GetInspectionRequest { InspectionId = inspectionId }, cancellationToken: ct));

    public async Task<IReadOnlyList<RegisteredInspection>> FindAsync(string providerName, string frameworkId, CancellationToken ct)
    {
        var providers = await client.ListProvidersAsync(new ListProvidersRequest { NameContains = providerName, PageSize = 50 }, cancellationToken: ct);
        var found = new List<RegisteredInspection>();
        foreach (var provider in providers.Providers.Where(p => p.Name == providerName))
        {
            var inspections = await client.ListInspectionsAsync(
                new ListInspectionsRequest { ProviderId = provider.ProviderId, FrameworkId = frameworkId, PageSize = 50 }, cancellationToken: ct);
            found.AddRange(inspections.Inspections.Select(ToRegistered));
        }
        return found;
    }

    private static RegisteredInspection ToRegistered(Recommendations.V1.Inspection inspection) =>
        new(inspection.InspectionId, inspection.FrameworkId, inspection.Status, inspection.ProviderName);
}
