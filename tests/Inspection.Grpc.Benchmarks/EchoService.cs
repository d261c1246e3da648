using Grpc.Core;
using Inspection.Testing.V1;

namespace Inspection.Grpc.Benchmarks;

/// <summary>The benchmarked rpc: Echo, doing as little as the grpc-js server's Echo does.</summary>
public sealed class EchoService : Interop.InteropBase
{
    public override Task<EchoReply> Echo(EchoRequest request, ServerCallContext context) =>
        Task.FromResult(new EchoReply { Payload = request.Payload, Text = request.Text, DeadlineRemainingMs = -1 });
}
