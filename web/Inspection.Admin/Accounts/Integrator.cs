namespace Inspection.Admin.Accounts;

/// <summary>A system registered to call the services with its own scopes (never a person).</summary>
public sealed record Integrator(string ClientId, string Name, IReadOnlyList<string> Scopes, string SecretHash,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt, string? RevokedBy)
{
    public bool IsRevoked => RevokedAt is not null;
}
