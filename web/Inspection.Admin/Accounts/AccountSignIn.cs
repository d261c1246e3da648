using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Inspection.Admin.Accounts;

/// <summary>Checks an email and password against the stored hash, counting failures and locking the account.</summary>
public sealed class AccountSignIn(AdminStore store, IPasswordHasher<Account> hasher, IOptions<SignInRules> rules, TimeProvider clock)
{
    // Verifying against a throwaway hash when the email is unknown keeps the response time the same, so timing
    // does not tell which email addresses have accounts.
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<Account>().HashPassword(null!, Guid.NewGuid().ToString()));

    public async Task<SignInOutcome> CheckAsync(string email, string password, CancellationToken ct)
    {
        var account = await store.FindByEmailAsync(email.Trim(), ct);
        if (account is null)
        {
            hasher.VerifyHashedPassword(null!, DecoyHash.Value, password);
            return new SignInOutcome(SignInStatus.Failed);
        }
        var now = clock.GetUtcNow();
        if (account.IsLockedAt(now)) return new SignInOutcome(SignInStatus.LockedOut, account, account.LockedUntil);

        var verified = hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verified == PasswordVerificationResult.Failed)
        {
            var after = await store.RecordFailedSignInAsync(account.AccountId, rules.Value.MaxFailedAttempts, rules.Value.LockoutDuration, ct);
            return after is not null && after.IsLockedAt(clock.GetUtcNow())
                ? new SignInOutcome(SignInStatus.LockedOut, after, after.LockedUntil)
                : new SignInOutcome(SignInStatus.Failed);
        }
        if (account.Disabled) return new SignInOutcome(SignInStatus.Disabled, account);

        var rehashed = verified == PasswordVerificationResult.SuccessRehashNeeded ? hasher.HashPassword(account, password) : null;
        await store.RecordSignInAsync(account.AccountId, rehashed, ct);
        return new SignInOutcome(SignInStatus.Succeeded, account);
    }
}
