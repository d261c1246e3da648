using Inspection.Recommendations.V1;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;

namespace Inspection.Admin.Pages.Inspections;

/// <summary>The recommendations an inspection must judge: those to the provider and to its predecessors.</summary>
public sealed class ProgressModel(RecommendationTracking.RecommendationTrackingClient tracking) : PageModel
{
    public ListDueForJudgementResponse Due { get; private set; } = new();
    public GetProgressSummaryResponse Summary { get; private set; } = new();

    public async Task OnGetAsync(string id, CancellationToken ct)
    {
        var options = new CallOptions(cancellationToken: ct);
        var due = tracking.ListDueForJudgementAsync(new ListDueForJudgementRequest { InspectionId = id }, options);
        var summary = tracking.GetProgressSummaryAsync(new GetProgressSummaryRequest { InspectionId = id, GroupBy = "inspection" }, options);
        Due = await due;
        Summary = await summary;
    }
}
