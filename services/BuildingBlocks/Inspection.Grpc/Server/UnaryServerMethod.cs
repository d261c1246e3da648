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
        TResponse? response = null;
        // The request is read inside the interceptors, so a caller they refuse (authentication) is not even parsed.
        if (call.HasInterceptors)
            await call.InterceptAsync(async () => response = await handler(service, await call.ReadRequestAsync(method.RequestParser), call.Context));
        else response = await handler(service, await call.ReadRequestAsync(method.RequestParser), call.Context);
        if (response is null) throw new RpcException(StatusCode.Internal, $"{method.FullName} returned no response");
        await call.WriteMessageAsync(response, flush: false);
    }
}
