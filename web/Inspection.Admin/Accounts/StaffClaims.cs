using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Inspection.Admin.Accounts;

/// <summary>What the sign-in cookie says about the member of staff, and how to read it back.</summary>
public static class StaffClaims
{
    public const string VersionClaim = "account_version";

    public static ClaimsPrincipal For(Account account) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, account.AccountId.ToString()),
        new Claim(ClaimTypes.Name, account.DisplayName),
        new Claim(ClaimTypes.Email, account.Email),
        new Claim(ClaimTypes.Role, RoleNames.Code(account.Role)),
        new Claim(VersionClaim, account.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ], CookieAuthenticationDefaults.AuthenticationScheme));

    public static Guid? AccountId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Name) ?? "";

    public static string Email(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? "";

    /// <summary>How the member of staff is named in what the services record (recorded_by, drawn_by, ...).</summary>
    public static string RecordedBy(this ClaimsPrincipal user) => user.Email();

    public static Role? StaffRole(this ClaimsPrincipal user) =>
        RoleNames.TryParse(user.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;

    public static bool HasAtLeast(this ClaimsPrincipal user, Role role) => user.StaffRole() is { } own && own >= role;

    public static int Version(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(VersionClaim), out var version) ? version : 0;
}
