using Inspection.Admin.Accounts;
using Inspection.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Inspection.Admin.Pages.Accounts;

public sealed class EditModel(AdminStore store, IPasswordHasher<Inspection.Admin.Accounts.Account> hasher, IOptions<SignInRules> rules) : PageModel
{
    public Inspection.Admin.Accounts.Account? Subject { get; private set; }

    [BindProperty]
    public EditAccountInput Input { get; set; } = new();

    public int MinimumPasswordLength => rules.Value.MinimumPasswordLength;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Subject = await store.GetAsync(id, ct);
        if (Subject is null) return NotFound();
        Input = new EditAccountInput { Role = RoleNames.Code(Subject.Role), Disabled = Subject.Disabled, Version = Subject.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Subject = await store.GetAsync(id, ct);
        if (Subject is null) return NotFound();
        if (!RoleNames.TryParse(Input.Role, out var role)) ModelState.AddModelError("Input.Role", "Select a role");
        if (!string.IsNullOrEmpty(Input.NewPassword) && Input.NewPassword.Length < MinimumPasswordLength)
            ModelState.AddModelError("Input.NewPassword", $"Password must be {MinimumPasswordLength} characters or more");
        // An administrator cannot lock themselves out of administration by accident.
        if (Subject.AccountId == User.AccountId() && (role != Role.Administrator || Input.Disabled))
            ModelState.AddModelError("Input.Role", "You cannot remove your own administrator role or disable your own account");
        if (!ModelState.IsValid) return Page();
        try
        {
            var hash = string.IsNullOrEmpty(Input.NewPassword) ? null : hasher.HashPassword(Subject, Input.NewPassword);
            var changed = await store.UpdateAsync(id, Input.Version, role, Input.Disabled, hash, User.RecordedBy(), ct);
            TempData["Notice"] = $"Account of {changed.DisplayName} changed";
            return RedirectToPage("/Accounts/Index");
        }
        catch (ConcurrencyConflictException e)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }
    }

    public sealed class EditAccountInput
    {
        public string? Role { get; set; }

        public bool Disabled { get; set; }

        public string? NewPassword { get; set; }

        public int Version { get; set; }
    }
}
