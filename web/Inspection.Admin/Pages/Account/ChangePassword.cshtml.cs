using Inspection.Admin.Accounts;
using Inspection.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Inspection.Admin.Pages.Account;

/// <summary>
/// Any signed-in member of staff changes their own password (current one first); an account given its password by
/// someone else is sent here at sign-in until it does. The session continues with the new password.
/// </summary>
public sealed class ChangePasswordModel(AdminStore store, IPasswordHasher<Inspection.Admin.Accounts.Account> hasher, IOptions<SignInRules> rules) : PageModel
{
    [BindProperty] public ChangePasswordInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public bool Required => User.MustChangePassword();
    public int MinimumPasswordLength => rules.Value.MinimumPasswordLength;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var account = User.AccountId() is { } id ? await store.GetAsync(id, ct) : null;
        if (account is null) return Forbid();
        if (string.IsNullOrEmpty(Input.CurrentPassword)) ModelState.AddModelError("Input.CurrentPassword", "Enter your current password");
        else if (hasher.VerifyHashedPassword(account, account.PasswordHash, Input.CurrentPassword) == PasswordVerificationResult.Failed)
            ModelState.AddModelError("Input.CurrentPassword", "Your current password is not correct");
        if (string.IsNullOrEmpty(Input.NewPassword)) ModelState.AddModelError("Input.NewPassword", "Enter a new password");
        else if (Input.NewPassword.Length < MinimumPasswordLength)
            ModelState.AddModelError("Input.NewPassword", $"New password must be {MinimumPasswordLength} characters or more");
        else if (Input.NewPassword == Input.CurrentPassword)
            ModelState.AddModelError("Input.NewPassword", "New password must be different from your current password");
        if (!string.IsNullOrEmpty(Input.NewPassword) && Input.ConfirmPassword != Input.NewPassword)
            ModelState.AddModelError("Input.ConfirmPassword", "Confirm new password must match the new password");
        if (!ModelState.IsValid) return Page();
        try
        {
            var wasRequired = Required;
            var changed = await store.ChangeOwnPasswordAsync(account.AccountId, User.Version(), hasher.HashPassword(account, Input.NewPassword!), ct);
            // The version moved, which ends every session of the account: this one goes on with the new claims.
            await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, StaffClaims.For(changed));
            TempData["Notice"] = "Your password has been changed";
            // Made to change it: on to where they were going. By choice: the confirmation on this page.
            if (!wasRequired) return RedirectToPage();
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && !ReturnUrl!.StartsWith(PasswordChangeRequiredFilter.ChangePasswordPath, StringComparison.OrdinalIgnoreCase) ? ReturnUrl : "/");
        }
        catch (ConcurrencyConflictException e)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }
    }

    public sealed class ChangePasswordInput
    {
        public string? CurrentPassword { get; set; }
        public string? NewPassword { get; set; }
        public string? ConfirmPassword { get; set; }
    }
}
