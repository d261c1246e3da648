using Inspection.Domain;
using Grpc.Core;
using Inspection.Recommendations.V1;

namespace Inspection.Scoring.Sources;

/// <summary>Recommendation tracking's GetInspection and ListInspections over gRPC.</summary>
public sealed class GrpcInspectionRegister(RecommendationTracking.RecommendationTrackingClient client) : IInspectionRegister
{
    public async Task<RegisteredInspection> GetInspectionAsync(string inspectionId, CancellationToken ct)
    {
        try
        {
            var inspection = await client.GetInspectionAsync(new GetInspectionRequest { InspectionId = inspectionId }, Upstream.Options(ct));
            return ToRegistered(inspection);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            throw new NotFoundException("inspection", inspectionId);
        }
        catch (RpcException e)
        {
            throw Upstream.Unavailable("recommendation tracking", e);
        }
    }

    public async Task<IReadOnlyList<RegisteredInspection>> ListInspectionsAsync(string frameworkId, CancellationToken ct)
    {
        var result = new List<RegisteredInspection>();
        var request = new ListInspectionsRequest { FrameworkId = frameworkId, PageSize = 200 };
        try
        {
            while (true)
            {
                var page = await client.ListInspectionsAsync(request, Upstream.Options(ct));
                result.AddRange(page.Inspections.Select(ToRegistered));
                if (string.IsNullOrEmpty(page.NextPageToken)) return result;
                request.PageToken = page.NextPageToken;
            }
        }
        catch (RpcException e)
        {
            throw Upstream.Unavailable("recommendation tracking", e);
        }
    }

    private static RegisteredInspection ToRegistered(Recommendations.V1.Inspection inspection) =>
        new(inspection.InspectionId, inspection.ProviderId, inspection.ProviderName, inspection.FrameworkId, inspection.Status, inspection.PublishedOn);
}
