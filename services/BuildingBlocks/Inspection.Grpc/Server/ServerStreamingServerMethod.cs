using Google.Protobuf;

namespace Inspection.Grpc;

internal sealed class ServerStreamingServerMethod<TRequest, TResponse>(
    Method<TRequest, TResponse> method, Type serviceType, Func<object, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler)
    : ServerMethod(method.ServiceName, method.Name, method.FullName, serviceType)
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    public override async Task RunAsync(GrpcCall call, object service)
    {
        var writer = new ResponseStreamWriter<TResponse>(call);
        // The request is read inside the interceptors, so a caller they refuse (authentication) is not even parsed.
        await call.InterceptAsync(async () => await handler(service, await call.ReadRequestAsync(method.RequestParser), writer, call.Context));
    }

    private sealed class ResponseStreamWriter<T>(GrpcCall call) : IServerStreamWriter<T> where T : IMessage
    {
        public Task WriteAsync(T message, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(message);
            return call.WriteMessageAsync(message, flush: true, cancellationToken);
        }
    }
}
