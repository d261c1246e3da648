using Inspection.Admin.Accounts;
using Inspection.Admin.Forms;
using Inspection.Admin.Status;
using Inspection.Recommendations.V1;
using Inspection.Scoring.V1;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;
using RpcException = Grpc.Core.RpcException;
using GrpcStatus = Grpc.Core.StatusCode;

namespace Inspection.Admin.Pages.PublishedFigures;

/// <summary>
/// A lead inspector's correction of a published inspection's figures: the figures that differ, side by side, then the
/// reason; the figures computed now are stored as a new version beside the old, and the report shows the inspection
/// as amended.
/// </summary>
[Authorize(Policy = Policies.Lead)]
public sealed class CorrectModel(
    RecommendationTracking.RecommendationTrackingClient tracking, AssessmentScoring.AssessmentScoringClient scoring, AdminStore audit) : PageModel
{
    private static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["correction_reason"] = "Input.Reason", ["expected_version"] = "Input.Reason",
    };

    public Inspection.Recommendations.V1.Inspection Inspection { get; private set; } = new();
    /// <summary>Null when the inspection has no stored figures to correct.</summary>
    public PublishedFigureReview? Review { get; private set; }
    [BindProperty] public CorrectionInput Input { get; set; } = new();

    public async Task OnGetAsync(string id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Input.ReviewedVersion = Review?.PublishedVersion ?? 0;
        Input.RequestId = Guid.NewGuid().ToString();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (string.IsNullOrWhiteSpace(Input.Reason)) ModelState.AddModelError("Input.Reason", "Enter why the published figures change");
        var request = new RecordPublishedFiguresCorrectionRequest
        {
            RequestId = string.IsNullOrEmpty(Input.RequestId) ? Guid.NewGuid().ToString() : Input.RequestId,
            InspectionId = id, ExpectedVersion = Input.ReviewedVersion, CorrectionReason = Input.Reason?.Trim() ?? "", RecordedBy = User.RecordedBy(),
        };
        if (!ModelState.IsValid)
        {
            await ModelState.AddServiceChecksAsync(async () => await scoring.RecordPublishedFiguresCorrectionAsync(request.ChecksOnly(), new CallOptions(cancellationToken: ct)),
                ServiceNames.AssessmentScoring, Fields);
            return Page();
        }
        try
        {
            var stored = await scoring.RecordPublishedFiguresCorrectionAsync(request, new CallOptions(cancellationToken: ct));
            var version = stored.Versions[^1].Version;
            await audit.AppendAuditAsync(User.RecordedBy(), "published figures corrected", Inspection.ProviderName, $"version {version}: {request.CorrectionReason}", ct);
            TempData["Notice"] = $"The corrected figures are stored as version {version}; the report shows the inspection as amended";
            return Redirect($"/inspections/{id}/published-figures");
        }
        catch (RpcException e)
        {
            ModelState.AddServiceError(e, ServiceNames.AssessmentScoring, Fields);
            Input.RequestId = Guid.NewGuid().ToString();
            if (e.StatusCode == GrpcStatus.Aborted) Input.ReviewedVersion = Review?.PublishedVersion ?? 0;
            return Page();
        }
    }

    private async Task LoadAsync(string id, CancellationToken ct)
    {
        var options = new CallOptions(cancellationToken: ct);
        Inspection = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, options);
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
