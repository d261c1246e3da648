using Inspection.Admin.Status;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inspection.Admin.Pages;

public sealed class StatusModel(ServiceHealth health, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ServiceStatus> Services { get; private set; } = [];

    public DateTimeOffset CheckedAt { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Services = await health.CheckAllAsync(ct);
        CheckedAt = clock.GetUtcNow();
    }
}
