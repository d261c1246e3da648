namespace Inspection.Admin.Accounts;

/// <summary>Lockout and password rules (configuration section SignIn).</summary>
public sealed class SignInRules
{
    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Length over complexity, as the NCSC advises.</summary>
    public int MinimumPasswordLength { get; set; } = 12;
}
