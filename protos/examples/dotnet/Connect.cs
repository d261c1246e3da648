using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;

namespace IntegratorExamples;

/// <summary>
/// What every example shares: a channel whose calls carry the token, and a refusal explained from its status and its
/// details (google.rpc.BadRequest and the others in grpc-status-details-bin, read with Grpc.StatusProto).
/// </summary>
public static class Connect
{
    /// <summary>
    /// A channel to one service ("127.0.0.1:5102"). Locally the services speak h2c (no TLS); in production use the
    /// address and TLS that came with your registration (INSPECTION_TLS=true).
    /// </summary>
    public static GrpcChannel Channel(string target)
    {
        var tls = Environment.GetEnvironmentVariable("INSPECTION_TLS") == "true";
        // Every call carries the token, asked for again shortly before it runs out.
        var bearer = CallCredentials.FromInterceptor(async (_, metadata) => metadata.Add("authorization", "Bearer " + await Token.GetAsync()));
        return GrpcChannel.ForAddress((tls ? "https://" : "http://") + target, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(tls ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure, bearer),
            UnsafeUseInsecureChannelCallCredentials = !tls,   // only for h2c on your own machine
        });
    }

    /// <summary>Call options with a deadline: every call should have one.</summary>
    public static CallOptions Deadline(int seconds = 30) => new(deadline: DateTime.UtcNow.AddSeconds(seconds));

    /// <summary>The lines a refusal should show: its status, its message, then what each detail says (field violations first).</summary>
    public static IEnumerable<string> Explain(RpcException error)
    {
        yield return $"refused: {CodeName(error.StatusCode)}: {error.Status.Detail}";
        var status = error.GetRpcStatus();
        if (status is null) yield break;
        foreach (var violation in status.GetDetail<BadRequest>()?.FieldViolations ?? [])
            yield return $"  {violation.Field}: {violation.Description}";
        foreach (var violation in status.GetDetail<PreconditionFailure>()?.Violations ?? [])
            yield return $"  precondition {violation.Type} {violation.Subject}: {violation.Description}";
        if (status.GetDetail<ResourceInfo>() is { } resource) yield return $"  resource {resource.ResourceType} {resource.ResourceName}";
        if (status.GetDetail<RetryInfo>() is { } retry)
            yield return $"  retry after {retry.RetryDelay.Seconds}s {(int)Math.Round(retry.RetryDelay.Nanos / 1e6)}ms";
        if (status.GetDetail<ErrorInfo>() is { } info) yield return $"  reason {info.Domain} {info.Reason}";
    }

    // As gRPC names the codes on the wire and in grpc-js and grpcio: INVALID_ARGUMENT, not InvalidArgument.
    private static string CodeName(StatusCode code) =>
        string.Concat(code.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
}
