using Inspection.Admin.Accounts;
using Inspection.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inspection.Admin.Pages.Integrators;

/// <summary>Changes a registered integrator's scopes without a new secret (issue 26).</summary>
public sealed class ScopesModel(AdminStore store, IntegratorRegistration registration) : PageModel
{
    [BindProperty]
    public ScopesInput Input { get; set; } = new();

    public Integrator Integrator { get; private set; } = null!;

    public ScopeChoice ScopeChoice => new(registration.GrantableScopes, Input.Scopes, registration.DescriptionOf);

    public async Task<IActionResult> OnGetAsync(string clientId, CancellationToken ct)
    {
        if (await ActiveAsync(clientId, ct) is not { } integrator) return NotFound();
        Integrator = integrator;
        Input.Scopes = [.. integrator.Scopes];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string clientId, CancellationToken ct)
    {
        if (await ActiveAsync(clientId, ct) is not { } integrator) return NotFound();
        Integrator = integrator;
        try
        {
            if (!await registration.ChangeScopesAsync(clientId, Input.Scopes, User.RecordedBy(), ct)) return NotFound();
        }
        catch (ValidationException e)
        {
            foreach (var violation in e.Violations) ModelState.AddModelError("Input." + violation.Field, violation.Description);
            return Page();
        }
        TempData["Notice"] = $"The scopes of {integrator.Name} are now {string.Join(", ", Input.Scopes.Distinct().Order(StringComparer.Ordinal))}; its secret is unchanged";
        return RedirectToPage("/Integrators/Index");
    }

    private async Task<Integrator?> ActiveAsync(string clientId, CancellationToken ct) =>
        await store.FindIntegratorAsync(clientId, ct) is { IsRevoked: false } integrator ? integrator : null;

    public sealed class ScopesInput
    {
        public List<string> Scopes { get; set; } = [];
    }
}
