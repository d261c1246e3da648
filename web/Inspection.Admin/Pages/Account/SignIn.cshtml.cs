using System.ComponentModel.DataAnnotations;
using Inspection.Admin.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inspection.Admin.Pages.Account;

[AllowAnonymous]
public sealed class SignInModel(AccountSignIn signIn, TimeProvider clock) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var outcome = await signIn.CheckAsync(Input.Email!, Input.Password!, ct);
        switch (outcome.Status)
        {
            case SignInStatus.Succeeded:
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, StaffClaims.For(outcome.Account!));
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            case SignInStatus.LockedOut:
                var minutes = Math.Max(1, (int)Math.Ceiling(((outcome.LockedUntil ?? clock.GetUtcNow()) - clock.GetUtcNow()).TotalMinutes));
                ModelState.AddModelError("", $"This account is locked because of too many failed attempts to sign in. Try again in {minutes} minute{(minutes == 1 ? "" : "s")}.");
                return Page();
            case SignInStatus.Disabled:
                ModelState.AddModelError("", "This account has been disabled. Ask an administrator to enable it.");
                return Page();
            default:
                ModelState.AddModelError(nameof(Input) + "." + nameof(SignInInput.Email), "Enter a correct email address and password");
                return Page();
        }
    }

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Enter your email address")]
        [Display(Name = "Email address")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Enter your password")]
        [DataType(DataType.Password)]
        public string? Password { get; set; }
    }
}
