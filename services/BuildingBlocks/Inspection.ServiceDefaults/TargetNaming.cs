using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Inspection.ServiceDefaults;

/// <summary>
/// A call that could not reach its target (UNAVAILABLE, DEADLINE_EXCEEDED) says which app it was calling: grpc-dotnet's
/// transport errors ("Error connecting to subchannel.") name no one, and the admin tells staff which service is down.
/// </summary>
public sealed class TargetNaming(string appId) : Interceptor
{
    public static string Describe(string appId) => $"{appId} did not answer";

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var call = continuation(request, context);
        return new AsyncUnaryCall<TResponse>(Named(call.ResponseAsync), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        var call = continuation(request, context);
        return new AsyncServerStreamingCall<TResponse>(new NamedReader<TResponse>(call.ResponseStream, this), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    private async Task<T> Named<T>(Task<T> response)
    {
        try
        {
            return await response.ConfigureAwait(false);
        }
        catch (RpcException e) when (Unreached(e))
        {
            throw Rename(e);
        }
    }

    private static bool Unreached(RpcException e) => e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded;

    private RpcException Rename(RpcException e) => new(new Status(e.StatusCode, $"{Describe(appId)}: {e.Status.Detail}", e.Status.DebugException), e.Trailers);

    private sealed class NamedReader<T>(IAsyncStreamReader<T> inner, TargetNaming naming) : IAsyncStreamReader<T>
    {
        public T Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            try
            {
                return await inner.MoveNext(cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException e) when (Unreached(e))
            {
                throw naming.Rename(e);
            }
        }
    }
}
