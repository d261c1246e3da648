using Inspection.Admin.Presentation;
using Inspection.Recommendations.V1;
using Inspection.Scoring.V1;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;

namespace Inspection.Admin.Pages.Ratings;

/// <summary>The ratings as assessment scoring computes them: panel, key-question tables, decision rules, blockers.</summary>
public sealed class IndexModel(RecommendationTracking.RecommendationTrackingClient tracking, AssessmentScoring.AssessmentScoringClient scoring) : PageModel
{
    public Inspection.Recommendations.V1.Inspection Inspection { get; private set; } = new();
    public RatingsView View { get; private set; } = new(new InspectionRatings(), new Framework());

    public async Task OnGetAsync(string id, CancellationToken ct)
    {
        var options = new CallOptions(cancellationToken: ct);
        var inspection = tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, options);
        var ratings = scoring.GetInspectionRatingsAsync(new GetInspectionRatingsRequest { InspectionId = id }, options);
        var framework = scoring.GetFrameworkAsync(new GetFrameworkRequest { InspectionId = id }, options);
        Inspection = await inspection;
        View = new RatingsView(await ratings, await framework);
    }
}
