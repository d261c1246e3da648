using Grpc.Core.Interceptors;

namespace Inspection.Grpc.Tests.Server;

/// <summary>Records the method and request headers of every call into the <see cref="InteropProbe"/>.</summary>
public sealed class CallRecorder(InteropProbe probe) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Record(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Record(context);
        return continuation(request, responseStream, context);
    }

    private void Record(ServerCallContext context)
    {
        var headers = new Metadata();
        foreach (var entry in context.RequestHeaders) headers.Add(entry);
        probe.Calls.Enqueue(new RecordedCall(context.Method, headers));
    }
}
