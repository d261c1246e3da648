using Grpc.Core;
using Inspection.OpenData.V1;

namespace Inspection.Recommendations.Grpc;

/// <summary>What became of recommendations, in the open data (opendata.proto): anonymous and rate-limited by the RPC
/// policy, served over gRPC and as HTTP JSON (GET /open-data/v1/implementation-rates).</summary>
public sealed class RecommendationOutcomesService(ImplementationRates rates) : RecommendationOutcomes.RecommendationOutcomesBase
{
    public override async Task<ListImplementationRatesResponse> ListImplementationRates(ListImplementationRatesRequest request, ServerCallContext context) =>
        (await rates.ListAsync(request.Region, request.AddresseeGroup, context.CancellationToken)).ToMessage();
}
