using System.Collections.Concurrent;
using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Inspection.Security;

/// <summary>
/// Checks a bearer token: ES256 only, signed by a key in the key ring, issued by the owner of that key, for the
/// Inspection audience, within its lifetime (30 s clock skew), and of a kind its issuer may vouch for: only the admin
/// vouches for staff and integrators; a service vouches only for itself. Anything else is UNAUTHENTICATED.
/// </summary>
public sealed class TokenValidator
{
    private const int CacheLimit = 10_000;
    private readonly KeyRing _keys;
    private readonly TimeProvider _clock;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly TokenValidationParameters _parameters;

    /// <summary>What the JwtBearer handler validates with: the same rules as <see cref="ValidateAsync"/>.</summary>
    public TokenValidationParameters Parameters => _parameters;
    // Verifying a signature costs far more than a call; a token is checked once and then remembered until it expires.
    private readonly ConcurrentDictionary<string, (Caller Caller, DateTimeOffset Expires)> _verified = new(StringComparer.Ordinal);

    public TokenValidator(KeyRing keys, TimeProvider? clock = null)
    {
        _keys = keys;
        _clock = clock ?? TimeProvider.System;
        _parameters = new TokenValidationParameters
        {
            ValidAudience = TokenClaims.Audience,
            ValidateIssuer = false, // checked below against the issuer that owns the signing key
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            IssuerSigningKeyResolver = (_, _, keyId, _) =>
                keyId is not null && _keys.TryGetTrusted(keyId, out _, out var key) ? [key] : [],
        };
    }

    public async ValueTask<Caller> ValidateAsync(string token)
    {
        var now = _clock.GetUtcNow();
        if (_verified.TryGetValue(token, out var known) && now < known.Expires) return known.Caller;

        var result = await _handler.ValidateTokenAsync(token, _parameters).ConfigureAwait(false);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
            throw Refused(Describe(result.Exception));
        var caller = CallerOf(jwt);
        if (_verified.Count >= CacheLimit) _verified.Clear();
        _verified[token] = (caller, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero));
        return caller;
    }

    /// <summary>Why a token failed validation, in words for the caller (never the library's own text).</summary>
    public static string Describe(Exception? failure) => failure switch
    {
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenSignatureKeyNotFoundException => "the token is not signed by a trusted key",
        SecurityTokenInvalidSignatureException => "the token's signature is not valid",
        SecurityTokenInvalidAudienceException => "the token is not for the Inspection services",
        SecurityTokenInvalidAlgorithmException => "the token's algorithm is not accepted (ES256 only)",
        RpcException { StatusCode: StatusCode.Unauthenticated } refused => refused.Status.Detail,
        _ => "the token is not valid",
    };

    /// <summary>
    /// The caller a token with a valid signature names, after the checks the signature cannot make: the issuer owns
    /// the key, the lifetime is at most an hour, and the issuer may vouch for this kind of caller. UNAUTHENTICATED if not.
    /// </summary>
    public Caller CallerOf(JsonWebToken jwt)
    {
        if (!_keys.TryGetTrusted(jwt.Kid, out var keyIssuer, out _) || keyIssuer != jwt.Issuer)
            throw Refused("the token's issuer does not own the key that signed it");
        if (jwt.ValidTo - jwt.IssuedAt > TokenIssuer.MaxLifetime)
            throw Refused("the token lives longer than an hour");

        return ReadCaller(jwt);
    }

    private static Caller ReadCaller(JsonWebToken jwt)
    {
        var subject = jwt.Subject;
        if (string.IsNullOrEmpty(subject)) throw Refused("the token has no subject");
        var kind = jwt.TryGetPayloadValue<string>(TokenClaims.Kind, out var k) ? k : null;
        jwt.TryGetPayloadValue<string>(TokenClaims.Name, out var name);
        switch (kind)
        {
            case "service" when subject == jwt.Issuer && jwt.Issuer != TokenClaims.IdentityIssuer:
                return new Caller(CallerKind.Service, subject, jwt.Issuer, null, new HashSet<string>());
            case "user" when jwt.Issuer == TokenClaims.IdentityIssuer:
                if (!jwt.TryGetPayloadValue<string>(TokenClaims.Role, out var roleName) || !Enum.TryParse<StaffRole>(roleName, out var role)
                    || !Enum.IsDefined(role))
                    throw Refused("the token names no known staff role");
                return new Caller(CallerKind.User, subject, jwt.Issuer, role, new HashSet<string>(), name);
            case "integrator" when jwt.Issuer == TokenClaims.IdentityIssuer:
                var scopes = jwt.TryGetPayloadValue<string>(TokenClaims.Scope, out var scope) ? scope : "";
                jwt.TryGetPayloadValue<string>(TokenClaims.Provider, out var provider);
                return new Caller(CallerKind.Integrator, subject, jwt.Issuer, null,
                    new HashSet<string>(scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal), name,
                    string.IsNullOrEmpty(provider) ? null : provider);
            default:
                throw Refused($"'{jwt.Issuer}' may not vouch for a caller of kind '{kind}' named '{subject}'");
        }
    }

    private static RpcException Refused(string why) => new(new Status(StatusCode.Unauthenticated, why));
}
