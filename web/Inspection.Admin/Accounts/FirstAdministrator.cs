using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Inspection.Admin.Accounts;

/// <summary>
/// With no account at all, nobody could sign in to create one: so at start-up the admin creates an administrator,
/// with the password from Admin:InitialPassword or a generated one printed once to the console.
/// </summary>
public sealed class FirstAdministrator(AdminStore store, IPasswordHasher<Account> hasher, IConfiguration configuration, ILogger<FirstAdministrator> logger)
{
    public const string DefaultEmail = "admin@inspection.local";

    public async Task EnsureAsync(CancellationToken ct)
    {
        if (await store.AnyAccountAsync(ct)) return;
        var email = configuration["Admin:InitialEmail"] is { Length: > 0 } configuredEmail ? configuredEmail : DefaultEmail;
        var configuredPassword = configuration["Admin:InitialPassword"];
        var password = string.IsNullOrEmpty(configuredPassword) ? Generate() : configuredPassword;
        var account = new NewAccount(email, "Administrator", Role.Administrator, MustChangePassword: true);
        if (!await store.CreateFirstAdministratorAsync(account, hasher.HashPassword(null!, password), ct)) return;

        if (string.IsNullOrEmpty(configuredPassword))
        {
            // Printed once, to the console only (not to the log pipeline, which may be shipped elsewhere).
            // Printed once, to the console only (not to the log pipeline, which may be shipped elsewhere); the run
            // command shows the line that says "initial administrator".
            Console.WriteLine($"Admin: initial administrator {email} with password {password} (shown once: sign in and change it)");
        }
        // Staff are named in logs by account id, never by e-mail (issue 27); this account is the only administrator.
        logger.LogInformation("First administrator account created");
    }

    private static string Generate()
    {
        // 20 characters from an alphabet without look-alikes (0/O, 1/l/I).
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 20);
    }
}
