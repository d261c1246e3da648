using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Inspection.Security;

/// <summary>
/// The JwtBearer handler's token handler: verifying an ES256 signature costs far more than a call (measured: plain
/// JwtBearer ran at about a quarter of the calls/s), so a token that validated is remembered until it expires.
/// Only successes are cached, keyed by the whole token, so a changed byte is validated afresh.
/// </summary>
internal sealed class CachingTokenHandler(TimeProvider clock) : JsonWebTokenHandler
{
    private const int CacheLimit = 10_000;
    private readonly ConcurrentDictionary<string, (TokenValidationResult Result, DateTimeOffset Expires)> _valid = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (_valid.TryGetValue(token, out var known) && clock.GetUtcNow() < known.Expires) return known.Result;
        var result = await base.ValidateTokenAsync(token, validationParameters).ConfigureAwait(false);
        if (result.IsValid && result.SecurityToken is JsonWebToken jwt)
        {
            if (_valid.Count >= CacheLimit) _valid.Clear();
            _valid[token] = (result, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero));
        }
        return result;
    }
}
