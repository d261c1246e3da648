using System.Collections.Concurrent;
using Inspection.Admin.Accounts;
using Inspection.Security;

namespace Inspection.Admin.Hosting;

/// <summary>
/// Every call the admin makes carries the signed-in member of staff: a short-lived token the admin signs, naming their
/// e-mail and role, so each service authorises the person and audits their writes. Without a signed-in user the call
/// goes without credentials (only the anonymous health check then succeeds).
/// </summary>
public sealed class StaffCredentials(IHttpContextAccessor http, TokenIssuer issuer, TimeProvider clock) : IOutgoingCredentials
{
    private const int CacheLimit = 1_000;
    private readonly ConcurrentDictionary<(string Email, Role Role), (string Header, DateTime RenewAfter)> _tokens = new();

    public string? AuthorizationHeader()
    {
        var user = http.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated != true || user.StaffRole() is not { } role) return null;

        var key = (user.Email(), role);
        var now = clock.GetUtcNow().UtcDateTime;
        if (!_tokens.TryGetValue(key, out var cached) || now >= cached.RenewAfter)
        {
            if (_tokens.Count >= CacheLimit) _tokens.Clear();
            cached = ("Bearer " + issuer.ForUser(key.Item1, user.DisplayName(), ToStaffRole(role)),
                now + TokenIssuer.UserTokenLifetime - TimeSpan.FromMinutes(1));
            _tokens[key] = cached;
        }
        return cached.Header;
    }

    private static StaffRole ToStaffRole(Role role) => role switch
    {
        Role.Viewer => StaffRole.Viewer,
        Role.Inspector => StaffRole.Inspector,
        Role.LeadInspector => StaffRole.LeadInspector,
        Role.Administrator => StaffRole.Administrator,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}
