using System.Security.Cryptography;
using System.Text;
using Inspection.Grpc;

namespace Inspection.Security;

/// <summary>
/// The first thing every gRPC call meets on the server: under Dapr, the sidecar's app API token; then the caller's
/// bearer token (UNAUTHENTICATED when missing or not valid) and the RPC policy (PERMISSION_DENIED when the caller may
/// not make this call, or when the RPC is not declared at all). The caller is attached to the call for audit.
/// </summary>
public sealed class CallAuthorisation(RpcPolicy policy, TokenValidator validator, AppApiToken appApiToken) : IServerCallInterceptor
{
    public async Task InterceptAsync(ServerCallContext context, Func<Task> next)
    {
        var rule = policy.RuleFor(context.Method);
        if (rule is { Anonymous: true })
        {
            // Health only: it tells a probe nothing but SERVING or not, and probes do not come through the sidecar.
            await next();
            return;
        }

        if (appApiToken.Expected is { } expected)
        {
            // Only the local sidecar knows the token: a call that bypassed Dapr (and its mTLS) is refused.
            var sent = context.RequestHeaders.GetValue("dapr-api-token") ?? "";
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), expected))
                throw new RpcException(StatusCode.Unauthenticated, "the call did not come through the Dapr sidecar (dapr-api-token)");
        }

        var header = context.RequestHeaders.GetValue("authorization");
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
            throw new RpcException(StatusCode.Unauthenticated, "no credentials: send the header 'authorization: Bearer <token>'");
        var caller = await validator.ValidateAsync(header[7..].Trim());

        if (rule is null)
            throw new RpcException(StatusCode.PermissionDenied, $"{context.Method} is not open to any caller");
        if (!rule.Allows(caller))
            throw new RpcException(StatusCode.PermissionDenied, $"{caller.AuditName}{RoleText(caller)} may not call {context.Method}");

        caller.AttachTo(context);
        await next();
    }

    private static string RoleText(Caller caller) => caller.Kind switch
    {
        CallerKind.User => $" ({caller.Role})",
        CallerKind.Integrator => $" (scopes: {string.Join(' ', caller.Scopes.Order())})",
        _ => "",
    };
}
