using Google.Protobuf;

namespace Inspection.Grpc;

internal sealed class UnaryServerMethod<TRequest, TResponse>(
    Method<TRequest, TResponse> method, Type serviceType, Func<object, TRequest, ServerCallContext, Task<TResponse>> handler)
    : ServerMethod(method.ServiceName, method.Name, method.FullName, serviceType)
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    public override async Task RunAsync(GrpcCall call, object service)
    {
        var request = await call.ReadRequestAsync(method.RequestParser);
        TResponse? response = null;
        if (call.HasInterceptors) await call.InterceptAsync(async () => response = await handler(service, request, call.Context));
        else response = await handler(service, request, call.Context);
        if (response is null) throw new RpcException(StatusCode.Internal, $"{method.FullName} returned no response");
        await call.WriteMessageAsync(response, flush: false);
    }
}
