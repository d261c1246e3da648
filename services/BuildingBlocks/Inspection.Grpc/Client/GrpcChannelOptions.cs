namespace Inspection.Grpc;

public sealed class GrpcChannelOptions
{
    /// <summary>Where calls go: the target service itself, or the local Dapr sidecar's gRPC port.</summary>
    public required Uri Address { get; init; }

    /// <summary>Set when calling through Dapr: sent as dapr-app-id so the sidecar forwards to that app.</summary>
    public string? DaprAppId { get; init; }

    public int MaxReceiveMessageSize { get; init; } = 4 * 1024 * 1024;

    /// <summary>Attempts for methods marked idempotent that fail with UNAVAILABLE (1 = no retry).</summary>
    public int MaxAttempts { get; init; } = 4;

    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(100);
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Run before every call, e.g. to add a credential header.</summary>
    public IReadOnlyList<IClientCallInterceptor> Interceptors { get; init; } = [];
}
