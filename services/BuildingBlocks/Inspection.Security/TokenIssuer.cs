using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Inspection.Security;

/// <summary>
/// Mints this app's signed tokens (ES256 JWT): its own service token, and, in the admin only, tokens for a signed-in
/// member of staff and for integrators. Tokens are short-lived, so a removed account or integrator stops working soon.
/// </summary>
public sealed class TokenIssuer(KeyRing keys, string issuer, TimeProvider? clock = null)
{
    public static readonly TimeSpan ServiceTokenLifetime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan UserTokenLifetime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(1);

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly Lock _gate = new();
    private (string Token, DateTimeOffset RenewAfter)? _serviceToken;

    public string Issuer { get; } = issuer;

    /// <summary>This app's own token, renewed a minute before it expires.</summary>
    public string ForService()
    {
        var now = _clock.GetUtcNow();
        lock (_gate)
        {
            if (_serviceToken is { } cached && now < cached.RenewAfter) return cached.Token;
            var token = Mint(Issuer, CallerKind.Service, ServiceTokenLifetime, []);
            _serviceToken = (token, now + ServiceTokenLifetime - TimeSpan.FromMinutes(1));
            return token;
        }
    }

    /// <summary>A token saying the admin acts for this member of staff, with their role.</summary>
    public string ForUser(string email, string? name, StaffRole role, TimeSpan? lifetime = null)
    {
        RequireIdentityIssuer();
        var claims = new List<Claim> { new(TokenClaims.Role, role.ToString()) };
        if (!string.IsNullOrEmpty(name)) claims.Add(new Claim(TokenClaims.Name, name));
        return Mint(email, CallerKind.User, lifetime ?? UserTokenLifetime, claims);
    }

    /// <summary>A token for a registered integrator with the scopes it was granted (client credentials), and the provider it is registered for, if any.</summary>
    public string ForIntegrator(string clientId, IEnumerable<string> scopes, TimeSpan lifetime, string? providerId = null)
    {
        RequireIdentityIssuer();
        var claims = new List<Claim> { new(TokenClaims.Scope, string.Join(' ', scopes)) };
        if (!string.IsNullOrEmpty(providerId)) claims.Add(new Claim(TokenClaims.Provider, providerId));
        return Mint(clientId, CallerKind.Integrator, lifetime, claims);
    }

    private string Mint(string subject, CallerKind kind, TimeSpan lifetime, IEnumerable<Claim> claims)
    {
        if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime) throw new ArgumentOutOfRangeException(nameof(lifetime), "a token lives between 0 and 1 hour");
        var signing = keys.SigningCredentials ?? throw new InvalidOperationException($"'{Issuer}' has no signing key");
        var now = _clock.GetUtcNow().UtcDateTime;
        var identity = new ClaimsIdentity(claims);
        identity.AddClaim(new Claim(JwtRegisteredClaimNames.Sub, subject));
        identity.AddClaim(new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")));
        identity.AddClaim(new Claim(TokenClaims.Kind, kind.ToString().ToLowerInvariant()));
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = TokenClaims.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Subject = identity,
            SigningCredentials = signing,
        });
    }

    private void RequireIdentityIssuer()
    {
        if (Issuer != TokenClaims.IdentityIssuer)
            throw new InvalidOperationException($"only '{TokenClaims.IdentityIssuer}' vouches for staff and integrators, not '{Issuer}'");
    }
}
