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
        var request = await call.ReadRequestAsync(method.RequestParser);
        var writer = new ResponseStreamWriter<TResponse>(call);
        await call.InterceptAsync(() => handler(service, request, writer, call.Context));
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
