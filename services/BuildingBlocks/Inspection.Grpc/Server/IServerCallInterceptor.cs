namespace Inspection.Grpc;

/// <summary>
/// Code that runs around every call on the server (authentication, audit, logging) without touching the services.
/// Registered in DI; they run in registration order, before the request message is read. Throw an RpcException to
/// refuse the call.
/// </summary>
public interface IServerCallInterceptor
{
    Task InterceptAsync(ServerCallContext context, Func<Task> next);
}
