using Google.Protobuf;

namespace Inspection.Grpc;

/// <summary>Collects a service's methods at start-up; generated BindService methods call it.</summary>
public sealed class ServiceBinder
{
    private readonly Type _serviceType;
    private readonly GrpcServiceRegistry _registry;

    internal ServiceBinder(Type serviceType, GrpcServiceRegistry registry)
    {
        _serviceType = serviceType;
        _registry = registry;
    }

    public void AddUnary<TRequest, TResponse>(Method<TRequest, TResponse> method, Func<object, TRequest, ServerCallContext, Task<TResponse>> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
        => _registry.Add(method.Path, new UnaryServerMethod<TRequest, TResponse>(method, _serviceType, handler));

    public void AddServerStreaming<TRequest, TResponse>(Method<TRequest, TResponse> method, Func<object, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
        => _registry.Add(method.Path, new ServerStreamingServerMethod<TRequest, TResponse>(method, _serviceType, handler));
}
