namespace Inspection.Security;

/// <summary>Who is behind a call: a member of staff through the admin, another service, or a registered integrator.</summary>
public enum CallerKind
{
    User,
    Service,
    Integrator,
}
