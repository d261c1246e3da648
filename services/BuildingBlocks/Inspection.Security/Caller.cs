using Inspection.Grpc;

namespace Inspection.Security;

/// <summary>
/// The authenticated caller of a gRPC call, read from its bearer token: a member of staff (subject = e-mail, with a
/// role), a service (subject = its app id) or an integrator (subject = client id, with scopes).
/// </summary>
public sealed record Caller(CallerKind Kind, string Subject, string Issuer, StaffRole? Role, IReadOnlySet<string> Scopes, string? Name = null)
{
    private static readonly object StateKey = new();

    /// <summary>How the caller is named in audit records, e.g. "user:ann@inspection.local".</summary>
    public string AuditName => Kind switch
    {
        CallerKind.User => "user:" + Subject,
        CallerKind.Service => "service:" + Subject,
        _ => "integrator:" + Subject,
    };

    /// <summary>The caller of the call being served, or null (anonymous probes, or outside a call).</summary>
    public static Caller? Of(ServerCallContext? context) =>
        context is not null && context.UserState.TryGetValue(StateKey, out var caller) ? caller as Caller : null;

    internal void AttachTo(ServerCallContext context) => context.UserState[StateKey] = this;
}
