using Inspection.Admin.Accounts;
using Inspection.Admin.Forms;
using Inspection.Admin.Status;
using Inspection.Contracts.Vocabularies;
using Inspection.Domain.Vocabularies;
using Inspection.Recommendations.V1;
using Inspection.Scoring.V1;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Pages.Ratings;

/// <summary>
/// Records a ratings panel's departure from a case standard's computed rating (lead inspectors and above), with its
/// rationale and who agreed it. Domain one's departures travel with the inspectors' judgement instead. Once the
/// inspection is published a departure changes its report: a correction with its reason.
/// </summary>
[Authorize(Policy = Policies.Lead)]
public sealed class DepartureModel(
    RecommendationTracking.RecommendationTrackingClient tracking,
    AssessmentScoring.AssessmentScoringClient scoring,
    AdminStore audit) : PageModel
{
    private static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["standard_id"] = "Input.StandardId", ["rating"] = "Input.Rating", ["rationale"] = "Input.Rationale", ["agreed_by"] = "Input.AgreedBy",
        ["correction_reason"] = "Input.CorrectionReason",
    };

    public Inspection.Recommendations.V1.Inspection Inspection { get; private set; } = new();
    public InspectionRatings Ratings { get; private set; } = new();
    public IReadOnlyList<string> RatingWords { get; private set; } = [];
    /// <summary>The rated case standards, with what the figures compute.</summary>
    public IReadOnlyList<StandardRating> Standards { get; private set; } = [];
    [BindProperty] public DepartureInput Input { get; set; } = new();

    /// <summary>The inspection is published: a departure changes its report, so it is a correction with a reason.</summary>
    public bool IsCorrection => Inspection.Status.Is(InspectionStatus.Published);

    public async Task OnGetAsync(string id, string? standard, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Input.StandardId = standard;
        Input.RequestId = Guid.NewGuid().ToString();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (string.IsNullOrEmpty(Input.StandardId)) ModelState.AddModelError("Input.StandardId", "Select the standard the panel departs on");
        if (string.IsNullOrEmpty(Input.Rating)) ModelState.AddModelError("Input.Rating", "Select the rating the panel agreed");
        var reason = CorrectionReason.Required(IsCorrection, Input.CorrectionReason, ModelState, "Input.CorrectionReason");
        var request = new RecordPanelDepartureRequest
        {
            RequestId = string.IsNullOrEmpty(Input.RequestId) ? Guid.NewGuid().ToString() : Input.RequestId,
            InspectionId = id, StandardId = Input.StandardId ?? "", Rating = Input.Rating ?? "",
            Rationale = Input.Rationale?.Trim() ?? "", AgreedBy = Input.AgreedBy?.Trim() ?? "",
            CorrectionReason = reason, RecordedBy = User.RecordedBy(),
        };
        if (!ModelState.IsValid)
        {
            await ModelState.AddServiceChecksAsync(async () => await scoring.RecordPanelDepartureAsync(request.ChecksOnly(), new CallOptions(cancellationToken: ct)),
                ServiceNames.AssessmentScoring, Fields);
            return Page();
        }
        try
        {
            var departure = await scoring.RecordPanelDepartureAsync(request, new CallOptions(cancellationToken: ct));
            await audit.AppendAuditAsync(User.RecordedBy(), "panel departure recorded", $"{Inspection.ProviderName} standard {departure.StandardId}",
                $"{departure.Rating}, agreed by {departure.AgreedBy}: {departure.Rationale}", ct);
            TempData["Notice"] = $"Panel departure recorded: {departure.StandardId} rated {departure.Rating}";
            return Redirect($"/inspections/{id}/ratings");
        }
        catch (RpcException e)
        {
            ModelState.AddServiceError(e, ServiceNames.AssessmentScoring, Fields);
            Input.RequestId = Guid.NewGuid().ToString();
            return Page();
        }
    }

    private async Task LoadAsync(string id, CancellationToken ct)
    {
        var options = new CallOptions(cancellationToken: ct);
        var framework = scoring.GetFrameworkAsync(new GetFrameworkRequest { InspectionId = id }, options);
        var ratings = scoring.GetInspectionRatingsAsync(new GetInspectionRatingsRequest { InspectionId = id }, options);
        Inspection = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, options);
        var caseStandards = (await framework).Domains.SelectMany(d => d.Standards).Where(s => s.CaseStandard && s.Rated).Select(s => s.StandardId).ToHashSet();
        Ratings = await ratings;
        RatingWords = (await framework).RatingWords;
        Standards = Ratings.Standards.Where(s => caseStandards.Contains(s.StandardId) && s.Applicable).ToList();
    }
}
