using System.Net;
using Grpc.Core;

namespace Inspection.Fuzz.Tests;

/// <summary>
/// What one raw request got back: the gRPC status (from the headers of a trailers-only response, else the
/// trailers), the HTTP status, and the status message. <see cref="Code"/> is null when the server sent no
/// grpc-status at all; <see cref="StillStreaming"/> when a stream was still open when the fuzzer stopped reading.
/// </summary>
public sealed record RawGrpcOutcome(StatusCode? Code, HttpStatusCode HttpStatus, string Message, bool StillStreaming = false)
{
    public override string ToString() => StillStreaming ? "stream still open" : $"{Code?.ToString() ?? "no grpc-status"} (HTTP {(int)HttpStatus}) {Message}";
}
