namespace Inspection.Security;

/// <summary>Who may call one RPC (see rpc-policy.json).</summary>
public sealed record RpcRule(bool Anonymous, StaffRole? MinimumRole, IReadOnlySet<string> Services, IReadOnlySet<string> Scopes, bool AnyCaller = false)
{
    public bool Allows(Caller caller) => AnyCaller || caller.Kind switch
    {
        CallerKind.User => MinimumRole is { } minimum && caller.Role is { } role && role >= minimum,
        CallerKind.Service => Services.Contains(caller.Subject),
        CallerKind.Integrator => caller.Scopes.Overlaps(Scopes),
        _ => false,
    };
}
