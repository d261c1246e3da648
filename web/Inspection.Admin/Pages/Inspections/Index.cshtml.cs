using Inspection.Recommendations.V1;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inspection.Admin.Pages.Inspections;

public sealed class IndexModel(RecommendationTracking.RecommendationTrackingClient tracking) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public IReadOnlyList<Inspection.Recommendations.V1.Inspection> Inspections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Inspections = (await tracking.ListInspectionsAsync(new ListInspectionsRequest { Status = Status ?? "", PageSize = 200 },
            new Grpc.Core.CallOptions(cancellationToken: ct))).Inspections;
}
