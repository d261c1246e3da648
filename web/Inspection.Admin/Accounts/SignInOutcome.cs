namespace Inspection.Admin.Accounts;

public enum SignInStatus
{
    Succeeded,
    /// <summary>Unknown email or wrong password: the page says the same for both.</summary>
    Failed,
    LockedOut,
    Disabled,
}

public sealed record SignInOutcome(SignInStatus Status, Account? Account = null, DateTimeOffset? LockedUntil = null);
