using Inspection.Admin.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inspection.Admin.Pages.Audit;

public sealed class IndexModel(AdminStore store) : PageModel
{
    public IReadOnlyList<AuditEvent> Events { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Events = await store.ListAuditAsync(500, ct);
}
