namespace Inspection.Admin.Accounts;

/// <summary>The words a role is stored and shown as.</summary>
public static class RoleNames
{
    public static string Code(Role role) => role switch
    {
        Role.Viewer => "viewer",
        Role.Inspector => "inspector",
        Role.LeadInspector => "lead_inspector",
        Role.Administrator => "administrator",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static string Display(Role role) => role switch
    {
        Role.Viewer => "Viewer",
        Role.Inspector => "Inspector",
        Role.LeadInspector => "Lead inspector",
        Role.Administrator => "Administrator",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static bool TryParse(string? code, out Role role)
    {
        foreach (var candidate in Enum.GetValues<Role>())
        {
            if (Code(candidate) == code)
            {
                role = candidate;
                return true;
            }
        }
        role = Role.Viewer;
        return false;
    }

    public static Role Parse(string code) =>
        TryParse(code, out var role) ? role : throw new InvalidOperationException($"Unknown role '{code}'");

    /// <summary>The stored codes of <paramref name="least"/> and every role above it.</summary>
    public static string[] AtLeast(Role least) =>
        Enum.GetValues<Role>().Where(r => r >= least).Select(Code).ToArray();
}
