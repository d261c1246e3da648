using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace Inspection.Security;

/// <summary>
/// The authenticated caller of a gRPC call, read from its bearer token: a member of staff (subject = e-mail, with a
/// role), a service (subject = its app id) or an integrator (subject = client id, with scopes, and the provider it is
/// registered for when it is an addressee's own system).
/// </summary>
public sealed record Caller(CallerKind Kind, string Subject, string Issuer, StaffRole? Role, IReadOnlySet<string> Scopes, string? Name = null, string? ProviderId = null)
{
    private static readonly object ItemKey = new();

    /// <summary>How the caller is named in audit records, e.g. "user:ann@inspection.local".</summary>
    public string AuditName => Kind switch
    {
        CallerKind.User => "user:" + Subject,
        CallerKind.Service => "service:" + Subject,
        _ => "integrator:" + Subject,
    };

    /// <summary>The caller of the call being served, or null (anonymous probes, or outside a call).</summary>
    public static Caller? Of(ServerCallContext? context) => context is null ? null : Of(context.GetHttpContext());

    public static Caller? Of(HttpContext http) => http.Items.TryGetValue(ItemKey, out var caller) ? caller as Caller : null;

    /// <summary>Set by the JwtBearer handler once the token is validated.</summary>
    internal void AttachTo(HttpContext http) => http.Items[ItemKey] = this;
}
