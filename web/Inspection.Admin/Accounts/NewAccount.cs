namespace Inspection.Admin.Accounts;

/// <summary>
/// What an administrator enters to add an account (the password is hashed before it is stored). An account given its
/// password by someone else must change it at its first sign-in (<paramref name="MustChangePassword"/>).
/// </summary>
public sealed record NewAccount(string Email, string DisplayName, Role Role, bool MustChangePassword = false);
