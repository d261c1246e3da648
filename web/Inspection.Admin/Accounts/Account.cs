namespace Inspection.Admin.Accounts;

/// <summary>A member of staff's local account.</summary>
public sealed record Account(
    Guid AccountId,
    string Email,
    string DisplayName,
    Role Role,
    string PasswordHash,
    int FailedAttempts,
    DateTimeOffset? LockedUntil,
    bool Disabled,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? LastSignedInAt,
    int Version,
    bool MustChangePassword = false)
{
    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;
}
