using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Inspection.Admin.Accounts;

/// <summary>What the sign-in cookie says about the member of staff, and how to read it back.</summary>
public static class StaffClaims
{
    public const string VersionClaim = "account_version";
    public const string MustChangePasswordClaim = "must_change_password";

    public static ClaimsPrincipal For(Account account)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.AccountId.ToString()),
            new(ClaimTypes.Name, account.DisplayName),
            new(ClaimTypes.Email, account.Email),
            new(ClaimTypes.Role, RoleNames.Code(account.Role)),
            new(VersionClaim, account.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (account.MustChangePassword) claims.Add(new Claim(MustChangePasswordClaim, "true"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    public static Guid? AccountId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Name) ?? "";

    public static string Email(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? "";

    /// <summary>How the member of staff is named in what the services record (recorded_by, drawn_by, ...).</summary>
    public static string RecordedBy(this ClaimsPrincipal user) => user.Email();

    public static Role? StaffRole(this ClaimsPrincipal user) =>
        RoleNames.TryParse(user.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;

    public static bool HasAtLeast(this ClaimsPrincipal user, Role role) => user.StaffRole() is { } own && own >= role;

    /// <summary>Signed in with a password someone else gave: every page but changing it is out of reach until it is changed.</summary>
    public static bool MustChangePassword(this ClaimsPrincipal user) => user.HasClaim(MustChangePasswordClaim, "true");

    public static int Version(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(VersionClaim), out var version) ? version : 0;
}
