using Inspection.Admin.Accounts;
using Inspection.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inspection.Admin.Pages.Integrators;

public sealed class NewModel(IntegratorRegistration registration) : PageModel
{
    [BindProperty]
    public NewIntegratorInput Input { get; set; } = new();

    public ScopeChoice ScopeChoice => new(registration.GrantableScopes, Input.Scopes, registration.DescriptionOf);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var (integrator, secret) = await registration.RegisterAsync(Input.Name ?? "", Input.Scopes, User.RecordedBy(), ct);
            TempData["RegisteredClientId"] = integrator.ClientId;
            TempData["RegisteredSecret"] = secret;
            return RedirectToPage("/Integrators/Index");
        }
        catch (ValidationException e)
        {
            foreach (var violation in e.Violations) ModelState.AddModelError("Input." + violation.Field, violation.Description);
            return Page();
        }
    }

    public sealed class NewIntegratorInput
    {
        public string? Name { get; set; }
        public List<string> Scopes { get; set; } = [];
    }
}
