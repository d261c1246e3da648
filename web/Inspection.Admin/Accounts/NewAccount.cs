namespace Inspection.Admin.Accounts;

/// <summary>What an administrator enters to add an account (the password is hashed before it is stored).</summary>
public sealed record NewAccount(string Email, string DisplayName, Role Role);
