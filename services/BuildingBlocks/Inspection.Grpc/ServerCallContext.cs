using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace Inspection.Grpc;

/// <summary>What a service method knows about the call it is serving.</summary>
public sealed class ServerCallContext
{
    private static readonly AsyncLocal<ServerCallContext?> CurrentCall = new();
    private Metadata? _requestHeaders;
    private Metadata? _responseTrailers;
    private Dictionary<object, object?>? _userState;

    /// <param name="requestHeaders">The call's metadata; null to read it from the request headers when first asked for.</param>
    internal ServerCallContext(HttpContext httpContext, string method, DateTime deadline, CancellationToken cancellationToken, Metadata? requestHeaders = null)
    {
        HttpContext = httpContext;
        Method = method;
        Deadline = deadline;
        CancellationToken = cancellationToken;
        _requestHeaders = requestHeaders;
    }

    internal HttpContext HttpContext { get; }

    /// <summary>"package.Service/Method".</summary>
    public string Method { get; }

    /// <summary>When the caller stops waiting (UTC); DateTime.MaxValue when it sent no grpc-timeout.</summary>
    public DateTime Deadline { get; }

    /// <summary>Cancelled when the deadline passes or the caller goes away.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The caller's metadata (custom headers; not the protocol's own grpc-*, content-type or te).</summary>
    public Metadata RequestHeaders => _requestHeaders ??= ReadMetadata(HttpContext.Request.Headers);

    /// <summary>Sent with the status at the end of the call.</summary>
    public Metadata ResponseTrailers => _responseTrailers ??= new Metadata();

    internal Metadata? ResponseTrailersIfAny => _responseTrailers;

    public string Peer
    {
        get
        {
            var connection = HttpContext.Connection;
            var family = connection.RemoteIpAddress?.AddressFamily == AddressFamily.InterNetworkV6 ? "ipv6:[" : "ipv4:";
            return family + connection.RemoteIpAddress + (family == "ipv4:" ? ":" : "]:") + connection.RemotePort;
        }
    }

    /// <summary>State interceptors attach to the call (e.g. the authenticated caller).</summary>
    public IDictionary<object, object?> UserState => _userState ??= new Dictionary<object, object?>();

    public HttpContext GetHttpContext() => HttpContext;

    /// <summary>The call being served on this async flow, so outgoing calls inherit its deadline and cancellation.</summary>
    public static ServerCallContext? Current
    {
        get => CurrentCall.Value;
        internal set => CurrentCall.Value = value;
    }

    // Most calls never look at their metadata, so it is only read from the headers when asked for.
    private static Metadata ReadMetadata(IHeaderDictionary headers)
    {
        var metadata = new Metadata();
        foreach (var (key, values) in headers)
        {
            if (key.StartsWith(':') || key.StartsWith("grpc-", StringComparison.OrdinalIgnoreCase)
                || key.Equals("content-type", StringComparison.OrdinalIgnoreCase) || key.Equals("te", StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var value in values)
            {
                if (value is null) continue;
                if (key.EndsWith("-bin", StringComparison.OrdinalIgnoreCase))
                {
                    if (Base64.TryDecode(value) is { } bytes) metadata.Add(key, bytes);
                    // a malformed binary header is dropped, as other implementations do
                }
                else metadata.Add(key, value);
            }
        }
        return metadata;
    }
}
