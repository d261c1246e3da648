using Grpc.Core;

namespace Inspection.Scoring.Sources;

/// <summary>How this service calls the services it reads from: a deadline on every call, and their failures surfaced
/// as UNAVAILABLE naming the service (the caller may retry) rather than as this service's own internal error.</summary>
internal static class Upstream
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    public static CallOptions Options(CancellationToken ct) => new(deadline: DateTime.UtcNow + Deadline, cancellationToken: ct);

    public static RpcException Unavailable(string service, RpcException cause) =>
        new(new Status(StatusCode.Unavailable, $"{service} could not answer ({cause.StatusCode}: {cause.Status.Detail})"));
}
