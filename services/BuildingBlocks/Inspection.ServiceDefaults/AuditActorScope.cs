using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Inspection.Data;
using Inspection.Security;

namespace Inspection.ServiceDefaults;

/// <summary>Names the authenticated caller, the RPC and the trace for the audit trail of whatever the call writes.</summary>
internal sealed class AuditActorScope : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Name(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Name(context);
        return continuation(request, responseStream, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Name(context);
        return continuation(requestStream, context);
    }

    private static void Name(ServerCallContext context)
    {
        if (Caller.Of(context) is { } caller)
            AuditActor.Current = new AuditActor(caller.AuditName, context.Method.TrimStart('/'), Activity.Current?.TraceId.ToHexString());
    }
}
