using Inspection.Recommendations.V1;
using Inspection.Scoring.V1;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;

namespace Inspection.Admin.Pages.PublishedFigures;

/// <summary>Published inspections whose figures computed now differ from their figures as published: to review.</summary>
public sealed class IndexModel(RecommendationTracking.RecommendationTrackingClient tracking, AssessmentScoring.AssessmentScoringClient scoring) : PageModel
{
    public IReadOnlyList<(Inspection.Recommendations.V1.Inspection Inspection, PublishedFigureReview Review)> Reviews { get; private set; } = [];
    public int Checked { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var options = new CallOptions(cancellationToken: ct);
        var response = await scoring.ListPublishedFigureReviewsAsync(new ListPublishedFigureReviewsRequest(), options);
        Checked = response.InspectionsChecked;
        var reviews = new List<(Inspection.Recommendations.V1.Inspection, PublishedFigureReview)>();
        foreach (var review in response.Reviews)
            reviews.Add((await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = review.InspectionId }, options), review));
        Reviews = reviews;
    }
}
