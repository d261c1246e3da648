using System.Diagnostics;
using Inspection.Data;
using Inspection.Grpc;
using Inspection.Security;

namespace Inspection.ServiceDefaults;

/// <summary>Names the authenticated caller, the RPC and the trace for the audit trail of whatever the call writes.</summary>
internal sealed class AuditActorScope : IServerCallInterceptor
{
    public async Task InterceptAsync(ServerCallContext context, Func<Task> next)
    {
        if (Caller.Of(context) is { } caller)
            AuditActor.Current = new AuditActor(caller.AuditName, context.Method, Activity.Current?.TraceId.ToHexString());
        await next();
    }
}
