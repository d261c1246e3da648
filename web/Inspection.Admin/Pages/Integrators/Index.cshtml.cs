using Inspection.Admin.Accounts;
using Inspection.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inspection.Admin.Pages.Integrators;

public sealed class IndexModel(AdminStore store, IntegratorRegistration registration) : PageModel
{
    public IReadOnlyList<Integrator> Integrators { get; private set; } = [];

    /// <summary>Just registered: shown with its secret this once (carried from the form in TempData, never stored).</summary>
    public Integrator? Registered { get; private set; }
    public string? Secret { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Integrators = await store.ListIntegratorsAsync(ct);
        if (TempData["RegisteredClientId"] is string clientId && TempData["RegisteredSecret"] is string secret)
        {
            Registered = Integrators.FirstOrDefault(i => i.ClientId == clientId);
            Secret = secret;
        }
    }

    public async Task<IActionResult> OnPostRevokeAsync(string clientId, CancellationToken ct)
    {
        try
        {
            await registration.RevokeAsync(clientId, User.RecordedBy(), ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        TempData["Notice"] = $"Integrator {clientId} revoked: it gets no more tokens, and its current token expires within 15 minutes";
        return RedirectToPage();
    }
}
