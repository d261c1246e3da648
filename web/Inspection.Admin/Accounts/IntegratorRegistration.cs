using System.Security.Cryptography;
using Inspection.Domain;
using Inspection.Security;
using Microsoft.AspNetCore.Identity;

namespace Inspection.Admin.Accounts;

/// <summary>
/// Registers integrators and gives them tokens (OAuth 2.0 client credentials): a random secret shown once and stored
/// hashed; a token carries only scopes the integrator was granted, lives 15 minutes, and stops being issued the moment
/// the integrator is revoked.
/// </summary>
public sealed class IntegratorRegistration(AdminStore store, IPasswordHasher<Integrator> hasher, TokenIssuer issuer, RpcPolicy policy, TimeProvider clock)
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);

    public IReadOnlyList<string> GrantableScopes => policy.Scopes.Order(StringComparer.Ordinal).ToList();

    /// <summary>What a scope is for (rpc-policy.json's scopeDescriptions, as the integrator guide has it).</summary>
    public string DescriptionOf(string scope) => policy.DescriptionOf(scope);

    /// <summary>Registers an integrator; returns it with its secret, which is never shown again.</summary>
    public async Task<(Integrator Integrator, string Secret)> RegisterAsync(string name, IReadOnlyCollection<string> scopes, string registeredBy, CancellationToken ct)
    {
        var violations = new List<FieldViolation>();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100) violations.Add(new("Name", "Enter the integrator's name (up to 100 characters)"));
        CheckScopes(scopes, violations);
        ValidationException.ThrowIfAny(violations);

        var clientId = "int-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var integrator = new Integrator(clientId, name.Trim(), scopes.Order(StringComparer.Ordinal).ToList(), "", clock.GetUtcNow(), registeredBy, null, null);
        integrator = integrator with { SecretHash = hasher.HashPassword(integrator, secret) };
        return (await store.CreateIntegratorAsync(integrator, ct), secret);
    }

    /// <summary>
    /// Changes a registered integrator's scopes; its client id and secret stay. Tokens issued from now on carry the new
    /// scopes (one issued before keeps its scopes until it expires, within 15 minutes). False when it is revoked.
    /// </summary>
    public Task<bool> ChangeScopesAsync(string clientId, IReadOnlyCollection<string> scopes, string changedBy, CancellationToken ct)
    {
        var violations = new List<FieldViolation>();
        CheckScopes(scopes, violations);
        ValidationException.ThrowIfAny(violations);
        return store.ChangeIntegratorScopesAsync(clientId, scopes.Distinct().Order(StringComparer.Ordinal).ToList(), changedBy, ct);
    }

    private void CheckScopes(IReadOnlyCollection<string> scopes, List<FieldViolation> violations)
    {
        if (scopes.Count == 0) violations.Add(new("Scopes", "Select at least one scope"));
        else if (scopes.FirstOrDefault(s => !policy.Scopes.Contains(s)) is { } unknown) violations.Add(new("Scopes", $"'{unknown}' is not a scope any service accepts"));
    }

    /// <summary>A token for the integrator, or why not (invalid_client, invalid_scope).</summary>
    public async Task<TokenOutcome> IssueTokenAsync(string clientId, string secret, string? requestedScope, CancellationToken ct)
    {
        var integrator = await store.FindIntegratorAsync(clientId, ct);
        if (integrator is null || integrator.IsRevoked
            || hasher.VerifyHashedPassword(integrator, integrator.SecretHash, secret) == PasswordVerificationResult.Failed)
            return TokenOutcome.Refused("invalid_client");

        var granted = integrator.Scopes;
        var requested = string.IsNullOrWhiteSpace(requestedScope) ? granted : requestedScope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (requested.Any(s => !granted.Contains(s))) return TokenOutcome.Refused("invalid_scope");
        var scopes = requested.Distinct().Order(StringComparer.Ordinal).ToList();
        return TokenOutcome.Issued(issuer.ForIntegrator(integrator.ClientId, scopes, TokenLifetime), scopes);
    }

    public Task<int> RevokeAsync(string clientId, string revokedBy, CancellationToken ct) => store.RevokeIntegratorAsync(clientId, revokedBy, ct);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>The token endpoint's answer: a token with its scopes, or an OAuth 2.0 error code.</summary>
public sealed record TokenOutcome(string? Token, IReadOnlyList<string> Scopes, string? Error)
{
    public static TokenOutcome Issued(string token, IReadOnlyList<string> scopes) => new(token, scopes, null);
    public static TokenOutcome Refused(string error) => new(null, [], error);
}
