using Inspection.Recommendations.V1;
using Inspection.Scoring.V1;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;
using RpcException = Grpc.Core.RpcException;
using GrpcStatus = Grpc.Core.StatusCode;

namespace Inspection.Admin.Pages.PublishedFigures;

/// <summary>
/// A published inspection's figures as stored (every version: as published, then each correction) against the figures
/// the service computes now, side by side where they differ. Nothing changes here: a lead inspector records a
/// correction on its own page.
/// </summary>
public sealed class ReviewModel(RecommendationTracking.RecommendationTrackingClient tracking, AssessmentScoring.AssessmentScoringClient scoring) : PageModel
{
    public Inspection.Recommendations.V1.Inspection Inspection { get; private set; } = new();
    public IReadOnlyList<PublishedFiguresVersion> Versions { get; private set; } = [];
    /// <summary>Null when the inspection has no stored figures (not published, or not stored yet).</summary>
    public PublishedFigureReview? Review { get; private set; }

    public async Task OnGetAsync(string id, CancellationToken ct)
    {
        var options = new CallOptions(cancellationToken: ct);
        Inspection = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, options);
        Versions = (await scoring.GetPublishedFiguresAsync(new GetPublishedFiguresRequest { InspectionId = id }, options)).Versions;
        try
        {
            Review = (await scoring.ListPublishedFigureReviewsAsync(new ListPublishedFigureReviewsRequest { InspectionId = id }, options)).Reviews.SingleOrDefault();
        }
        catch (RpcException e) when (e.StatusCode == GrpcStatus.FailedPrecondition)
        {
            Review = null;
        }
    }
}
