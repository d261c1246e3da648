using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Inspection.ServiceDefaults;

/// <summary>
/// The client side of calling another app, the same for every client of <see cref="ServiceClients.AddServiceClient{TClient}"/>:
/// a call given no deadline gets <paramref name="deadline"/> (a deadline carried over from the call being served still
/// applies when it is sooner), and a call that fails raises <see cref="UpstreamException"/> naming the app: unary,
/// server-streaming (while reading) and client-streaming (while writing, or awaiting the answer) alike.
/// </summary>
public sealed class UpstreamCalls(string appId, TimeSpan deadline) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var call = continuation(request, WithDeadline(context));
        return new AsyncUnaryCall<TResponse>(Named(call.ResponseAsync), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        var call = continuation(request, WithDeadline(context));
        return new AsyncServerStreamingCall<TResponse>(new NamedReader<TResponse>(call.ResponseStream, this), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        var call = continuation(WithDeadline(context));
        return new AsyncClientStreamingCall<TRequest, TResponse>(new NamedWriter<TRequest>(call.RequestStream, this), Named(call.ResponseAsync), call.ResponseHeadersAsync,
            call.GetStatus, call.GetTrailers, call.Dispose);
    }

    private ClientInterceptorContext<TRequest, TResponse> WithDeadline<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class where TResponse : class =>
        context.Options.Deadline is not null || deadline == Timeout.InfiniteTimeSpan
            ? context
            : new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithDeadline(GrpcDeadlines.After(deadline)));

    private async Task<T> Named<T>(Task<T> response)
    {
        try
        {
            return await response.ConfigureAwait(false);
        }
        catch (RpcException e) when (e is not UpstreamException)
        {
            throw Named(e);
        }
    }

    private UpstreamException Named(RpcException failure) => new(appId, failure);

    private sealed class NamedReader<T>(IAsyncStreamReader<T> inner, UpstreamCalls calls) : IAsyncStreamReader<T>
    {
        public T Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            try
            {
                return await inner.MoveNext(cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException e) when (e is not UpstreamException)
            {
                throw calls.Named(e);
            }
        }
    }

    // A write to a call that has already failed throws its status; it names the app like every other failure.
    private sealed class NamedWriter<T>(IClientStreamWriter<T> inner, UpstreamCalls calls) : IClientStreamWriter<T>
    {
        public WriteOptions? WriteOptions
        {
            get => inner.WriteOptions;
            set => inner.WriteOptions = value;
        }

        public Task WriteAsync(T message) => Named(inner.WriteAsync(message));

        public Task WriteAsync(T message, CancellationToken cancellationToken) => Named(inner.WriteAsync(message, cancellationToken));

        public Task CompleteAsync() => Named(inner.CompleteAsync());

        private async Task Named(Task write)
        {
            try
            {
                await write.ConfigureAwait(false);
            }
            catch (RpcException e) when (e is not UpstreamException)
            {
                throw calls.Named(e);
            }
        }
    }
}
