using Grpc.Core;
using Inspection.OpenData.V1;
using Inspection.Scoring.Application;

namespace Inspection.Scoring.Grpc;

/// <summary>The national ratings of the open data (opendata.proto): anonymous and rate-limited by the RPC policy,
/// served over gRPC and as HTTP JSON (GET /open-data/v1/ratings).</summary>
public sealed class NationalRatingsService(NationalRatingHistory history) : NationalRatings.NationalRatingsBase
{
    public override async Task<ListRatingHistoryResponse> ListRatingHistory(ListRatingHistoryRequest request, ServerCallContext context) =>
        (await history.ListAsync(request.ToQuery(), context.CancellationToken)).ToMessage();
}
