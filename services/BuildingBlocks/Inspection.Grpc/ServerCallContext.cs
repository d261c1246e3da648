using Microsoft.AspNetCore.Http;

namespace Inspection.Grpc;

/// <summary>What a service method knows about the call it is serving.</summary>
public sealed class ServerCallContext
{
    private static readonly AsyncLocal<ServerCallContext?> CurrentCall = new();

    internal ServerCallContext(HttpContext httpContext, string method, DateTime deadline, CancellationToken cancellationToken, Metadata requestHeaders)
    {
        HttpContext = httpContext;
        Method = method;
        Deadline = deadline;
        CancellationToken = cancellationToken;
        RequestHeaders = requestHeaders;
    }

    internal HttpContext HttpContext { get; }

    /// <summary>"package.Service/Method".</summary>
    public string Method { get; }

    /// <summary>When the caller stops waiting (UTC); DateTime.MaxValue when it sent no grpc-timeout.</summary>
    public DateTime Deadline { get; }

    /// <summary>Cancelled when the deadline passes or the caller goes away.</summary>
    public CancellationToken CancellationToken { get; }

    public Metadata RequestHeaders { get; }
    public Metadata ResponseTrailers { get; } = new();
    public string Peer => $"ipv4:{HttpContext.Connection.RemoteIpAddress}:{HttpContext.Connection.RemotePort}";

    /// <summary>State interceptors attach to the call (e.g. the authenticated caller).</summary>
    public IDictionary<object, object?> UserState { get; } = new Dictionary<object, object?>();

    public HttpContext GetHttpContext() => HttpContext;

    /// <summary>The call being served on this async flow, so outgoing calls inherit its deadline and cancellation.</summary>
    public static ServerCallContext? Current
    {
        get => CurrentCall.Value;
        internal set => CurrentCall.Value = value;
    }
}
