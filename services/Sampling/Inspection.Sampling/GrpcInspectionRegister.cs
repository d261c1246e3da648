using Inspection.Domain;
using Inspection.Grpc;
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
                new CallOptions(Deadline: DateTime.UtcNow.AddSeconds(10), CancellationToken: ct));
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            throw new NotFoundException("Inspection", inspectionId);
        }
    }
}
