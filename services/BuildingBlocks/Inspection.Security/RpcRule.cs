namespace Inspection.Security;

/// <summary>Who may call one RPC (see rpc-policy.json), and the rate limit its host applies to every caller (the
/// anonymous open data), if any.</summary>
public sealed record RpcRule(bool Anonymous, StaffRole? MinimumRole, IReadOnlySet<string> Services, IReadOnlySet<string> Scopes, bool AnyCaller = false, string? RateLimit = null)
{
    public bool Allows(Caller caller) => AnyCaller || caller.Kind switch
    {
        CallerKind.User => MinimumRole is { } minimum && caller.Role is { } role && role >= minimum,
        CallerKind.Service => Services.Contains(caller.Subject),
        CallerKind.Integrator => caller.Scopes.Overlaps(Scopes),
        _ => false,
    };
}
