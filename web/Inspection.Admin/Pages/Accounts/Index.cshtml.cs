using Inspection.Admin.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inspection.Admin.Pages.Accounts;

public sealed class IndexModel(AdminStore store) : PageModel
{
    public IReadOnlyList<Inspection.Admin.Accounts.Account> Accounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Accounts = await store.ListAsync(ct);
}
