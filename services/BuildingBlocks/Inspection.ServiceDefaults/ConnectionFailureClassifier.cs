namespace Inspection.ServiceDefaults;

/// <summary>
/// Gives a connection that failed before any response the I/O cause grpc-dotnet needs to report it as UNAVAILABLE.
/// When a new HTTP/2 connection is closed by the peer during its handshake, SocketsHttpHandler can fail the waiting
/// request with a bare <see cref="HttpRequestException"/> ("An HTTP/2 connection could not be established...", no
/// inner exception, <see cref="HttpRequestError.Unknown"/>). grpc-dotnet maps a failure to UNAVAILABLE only when a
/// socket or I/O exception is in its chain, so that one reached callers as INTERNAL and the retry policy, which retries
/// UNAVAILABLE, never retried it. The gRPC status codes say a connection that failed before any data is UNAVAILABLE.
/// </summary>
public sealed class ConnectionFailureClassifier : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (IsBareConnectionFailure(e))
        {
            throw new HttpRequestException(HttpRequestError.ConnectionError, e.Message, new IOException(e.Message, e));
        }
    }

    /// <summary>No response, no cause and no more specific error: only the transport can have failed.</summary>
    public static bool IsBareConnectionFailure(HttpRequestException e) =>
        e.InnerException is null && e.StatusCode is null && e.HttpRequestError is HttpRequestError.Unknown or HttpRequestError.ConnectionError;
}
