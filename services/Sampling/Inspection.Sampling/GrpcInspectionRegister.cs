using Inspection.Domain;
using Grpc.Core;
using Inspection.Recommendations.V1;

namespace Inspection.Sampling;

/// <summary>Asks recommendation tracking's GetInspection over gRPC.</summary>
public sealed class GrpcInspectionRegister(RecommendationTracking.RecommendationTrackingClient client) : IInspectionRegister
{
    public async Task EnsureExistsAsync(string inspectionId, CancellationToken ct)
    {
        try
        {
            await client.GetInspectionAsync(new GetInspectionRequest { InspectionId = inspectionId },
                new CallOptions(deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: ct));
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            throw new NotFoundException("Inspection", inspectionId);
        }
    }
}
