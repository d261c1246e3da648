using Grpc.Core;
using Inspection.Sampling.V1;

namespace Inspection.Scoring.Tests.Grpc;

/// <summary>Stands in for case sampling over gRPC (its real contract, on a real socket): streams the sample a test set.</summary>
public sealed class StubCaseSampling(UpstreamState state) : CaseSampling.CaseSamplingBase
{
    public override async Task ListSampleCases(ListSampleCasesRequest request, IServerStreamWriter<SampledCase> responseStream, ServerCallContext context)
    {
        var sample = state.Sample(request.InspectionId)
            ?? throw new RpcException(new Status(StatusCode.FailedPrecondition, $"inspection {request.InspectionId} has no sample"));
        foreach (var sampled in sample) await responseStream.WriteAsync(sampled, context.CancellationToken);
    }
}
