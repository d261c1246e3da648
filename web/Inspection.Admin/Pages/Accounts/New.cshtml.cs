using System.ComponentModel.DataAnnotations;
using Inspection.Admin.Accounts;
using Inspection.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Inspection.Admin.Pages.Accounts;

public sealed class NewModel(AdminStore store, IPasswordHasher<Inspection.Admin.Accounts.Account> hasher, IOptions<SignInRules> rules) : PageModel
{
    [BindProperty]
    public NewAccountInput Input { get; set; } = new();

    public int MinimumPasswordLength => rules.Value.MinimumPasswordLength;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.Password is { } password && password.Length < MinimumPasswordLength)
            ModelState.AddModelError("Input.Password", $"Password must be {MinimumPasswordLength} characters or more");
        // A missing role is already reported by [Required]; this catches a value that is not a role.
        if (!RoleNames.TryParse(Input.Role, out var role) && Input.Role is not null)
            ModelState.AddModelError("Input.Role", "Select a role");
        if (!ModelState.IsValid) return Page();
        try
        {
            var account = await store.CreateAsync(new NewAccount(Input.Email!, Input.DisplayName!, role, MustChangePassword: true), hasher.HashPassword(null!, Input.Password!), User.RecordedBy(), ct);
            TempData["Notice"] = $"Account added for {account.DisplayName}";
            return RedirectToPage("/Accounts/Index");
        }
        catch (AlreadyExistsException e)
        {
            ModelState.AddModelError("Input.Email", e.Message);
            return Page();
        }
    }

    public sealed class NewAccountInput
    {
        [Required(ErrorMessage = "Enter the person's name")]
        [StringLength(200, ErrorMessage = "Name must be 200 characters or fewer")]
        public string? DisplayName { get; set; }

        [Required(ErrorMessage = "Enter an email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.com")]
        [StringLength(320, ErrorMessage = "Email address must be 320 characters or fewer")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Select a role")]
        public string? Role { get; set; }

        [Required(ErrorMessage = "Enter a password")]
        public string? Password { get; set; }
    }
}
