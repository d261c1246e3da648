using Inspection.Recommendations.V1;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;

namespace Inspection.Admin.Pages.Report;

/// <summary>The GOV.UK confirmation after publishing: a panel, then what happens next.</summary>
public sealed class PublishedModel(RecommendationTracking.RecommendationTrackingClient tracking) : PageModel
{
    public Inspection.Recommendations.V1.Inspection Inspection { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        Inspection = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, new CallOptions(cancellationToken: ct));
        return Inspection.Status.Is(InspectionStatus.Published) ? Page() : Redirect($"/inspections/{id}/publish");
    }
}
