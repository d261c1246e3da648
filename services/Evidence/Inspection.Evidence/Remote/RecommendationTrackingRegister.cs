using Inspection.Domain;
using Inspection.Evidence.Application;
using Grpc.Core;
using Inspection.Recommendations.V1;

namespace Inspection.Evidence.Remote;

/// <summary>The inspection register as recommendation tracking serves it over gRPC.</summary>
public sealed class RecommendationTrackingRegister(RecommendationTracking.RecommendationTrackingClient client) : IInspectionRegister
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    public async Task<RegisteredInspection> GetAsync(string inspectionId, CancellationToken ct)
    {
        try
        {
            var inspection = await client.GetInspectionAsync(new GetInspectionRequest { InspectionId = inspectionId }, Options(ct));
            return ToRegistered(inspection);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            // An id the register does not know (or cannot even read) names no inspection.
            throw new NotFoundException("Inspection", inspectionId);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"The inspection register (recommendation-tracking) did not answer: {e.Status.Detail}"));
        }
    }

    public async Task<IReadOnlyList<RegisteredInspection>> FindAsync(string providerName, string frameworkId, CancellationToken ct)
    {
        var providers = await client.ListProvidersAsync(new ListProvidersRequest { NameContains = providerName, PageSize = 50 }, Options(ct));
        var found = new List<RegisteredInspection>();
        foreach (var provider in providers.Providers.Where(p => p.Name == providerName))
        {
            var inspections = await client.ListInspectionsAsync(
                new ListInspectionsRequest { ProviderId = provider.ProviderId, FrameworkId = frameworkId, PageSize = 50 }, Options(ct));
            found.AddRange(inspections.Inspections.Select(ToRegistered));
        }
        return found;
    }

    private static RegisteredInspection ToRegistered(Recommendations.V1.Inspection inspection) =>
        new(inspection.InspectionId, inspection.FrameworkId, inspection.Status, inspection.ProviderName);

    private static CallOptions Options(CancellationToken ct) => new(deadline: DateTime.UtcNow + CallTimeout, cancellationToken: ct);
}
