using System.Security.Cryptography;
using System.Text;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Reasons = Inspection.Contracts.RefusalReasons;

namespace Inspection.Security;

/// <summary>
/// Decides every gRPC call before its request is read: under Dapr, the sidecar's app API token; then the caller the
/// JwtBearer handler found (UNAUTHENTICATED when there is none) and the RPC policy (PERMISSION_DENIED when the caller
/// may not make this call, or when the RPC is not declared at all). A refusal carries its status and reason.
/// </summary>
internal sealed class RpcAuthorisation(RpcPolicy policy, AppApiToken appApiToken, ServedRpcs served) : AuthorizationHandler<RpcPolicyRequirement>
{
    internal static readonly object FailureItem = new();
    internal static readonly object RefusalItem = new();

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RpcPolicyRequirement requirement)
    {
        if (context.Resource is not HttpContext http) return Task.CompletedTask;
        var method = http.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.FullName.TrimStart('/');
        var rule = method is null ? null : policy.RuleFor(method);
        // Not an RPC this host serves (grpc-dotnet answers UNIMPLEMENTED), or health, which tells a probe nothing but
        // SERVING or not; probes do not come through the sidecar.
        if (method is null || !served.Contains(method) || rule is { Anonymous: true })
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        if (appApiToken.Expected is { } expected)
        {
            // Only the local sidecar knows the token: a call that bypassed Dapr (and its mTLS) is refused.
            var sent = http.Request.Headers["dapr-api-token"].ToString();
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), expected))
                return Refuse(context, StatusCode.Unauthenticated, "the call did not come through the Dapr sidecar (dapr-api-token)", Reasons.NotThroughSidecar);
        }

        if (Caller.Of(http) is not { } caller)
            return http.Items[FailureItem] is string failure
                ? Refuse(context, StatusCode.Unauthenticated, failure, Reasons.TokenInvalid)
                : Refuse(context, StatusCode.Unauthenticated, "no credentials: send the header 'authorization: Bearer <token>'", Reasons.TokenMissing);
        if (rule is null)
            return Refuse(context, StatusCode.PermissionDenied, $"{method} is not open to any caller", Reasons.NotPermitted, "nothing");
        if (!rule.Allows(caller))
            return Refuse(context, StatusCode.PermissionDenied, $"{caller.AuditName}{RoleText(caller)} may not call {method}; {WhatOpens(rule, caller.Kind)}",
                Reasons.NotPermitted, WhatOpens(rule, caller.Kind));

        context.Succeed(requirement);
        return Task.CompletedTask;
    }

    private Task Refuse(AuthorizationHandlerContext context, StatusCode code, string message, string reason, string? needs = null)
    {
        var refusal = new RpcRefusal(this, code, message, reason, needs);
        // A challenge (no authenticated user) drops failure reasons, so the responder finds the refusal here too.
        if (context.Resource is HttpContext http) http.Items[RefusalItem] = refusal;
        context.Fail(refusal);
        return Task.CompletedTask;
    }

    /// <summary>What the caller would need, so a refusal says what to ask for (the integrator guide lists the same).</summary>
    internal static string WhatOpens(RpcRule rule, CallerKind kind) => kind switch
    {
        CallerKind.Integrator => rule.Scopes.Count switch
        {
            0 => "no integrator scope opens it",
            1 => $"it needs the scope {rule.Scopes.Single()}",
            _ => $"it needs one of the scopes {string.Join(", ", rule.Scopes.Order(StringComparer.Ordinal))}",
        },
        CallerKind.User => rule.MinimumRole is { } role ? $"it needs the role {role} or above" : "no staff role opens it",
        _ => rule.Services.Count == 0 ? "no service may call it" : $"it is open to the services {string.Join(", ", rule.Services.Order(StringComparer.Ordinal))}",
    };

    private static string RoleText(Caller caller) => caller.Kind switch
    {
        CallerKind.User => $" ({caller.Role})",
        CallerKind.Integrator => $" (scopes: {string.Join(' ', caller.Scopes.Order())})",
        _ => "",
    };
}
