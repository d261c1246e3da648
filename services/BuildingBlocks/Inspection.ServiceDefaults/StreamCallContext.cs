using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace Inspection.ServiceDefaults;

/// <summary>
/// The call's own context, except that its cancellation also fires when the host's drain is over
/// (<see cref="GracefulShutdown.StreamsEnd"/>): a server stream's handler stops as it would for a client that left, and
/// the error interceptor answers UNAVAILABLE with a RetryInfo instead.
/// </summary>
internal sealed class StreamCallContext : ServerCallContext
{
    private const string HttpContextKey = "__HttpContext"; // where grpc-dotnet's GetHttpContext() looks on a context of another type
    private readonly ServerCallContext _inner;
    private readonly CancellationToken _cancellation;

    public StreamCallContext(ServerCallContext inner, CancellationToken cancellation)
    {
        _inner = inner;
        _cancellation = cancellation;
        if (!inner.UserState.ContainsKey(HttpContextKey)) inner.UserState[HttpContextKey] = inner.GetHttpContext();
    }

    protected override string MethodCore => _inner.Method;
    protected override string HostCore => _inner.Host;
    protected override string PeerCore => _inner.Peer;
    protected override DateTime DeadlineCore => _inner.Deadline;
    protected override Metadata RequestHeadersCore => _inner.RequestHeaders;
    protected override CancellationToken CancellationTokenCore => _cancellation;
    protected override Metadata ResponseTrailersCore => _inner.ResponseTrailers;
    protected override Status StatusCore { get => _inner.Status; set => _inner.Status = value; }
    protected override WriteOptions? WriteOptionsCore { get => _inner.WriteOptions; set => _inner.WriteOptions = value; }
    protected override AuthContext AuthContextCore => _inner.AuthContext;
    protected override IDictionary<object, object> UserStateCore => _inner.UserState;
    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => _inner.CreatePropagationToken(options);
    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => _inner.WriteResponseHeadersAsync(responseHeaders);
}
