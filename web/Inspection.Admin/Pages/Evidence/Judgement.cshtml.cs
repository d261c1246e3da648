using Inspection.Admin.Accounts;
using Inspection.Admin.Forms;
using Inspection.Admin.Status;
using Inspection.Evidence.V1;
using Inspection.Recommendations.V1;
using Inspection.Scoring.V1;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Pages.Evidence;

/// <summary>
/// A domain-one judgement, with what the decision rules allow or suggest beside the form (lead inspectors). Once the
/// inspection is published, changing a judgement already recorded is a correction: the page says so and asks its reason.
/// </summary>
[Authorize(Policy = Policies.Lead)]
public sealed class JudgementModel(
    OrganisationalEvidence.OrganisationalEvidenceClient evidence,
    AssessmentScoring.AssessmentScoringClient scoring,
    RecommendationTracking.RecommendationTrackingClient tracking,
    AdminStore audit) : PageModel
{
    private static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["rating"] = "Input.Rating", ["rationale"] = "Input.Rationale", ["panel_departure"] = "Input.PanelDeparture",
        ["agreed_by"] = "Input.AgreedBy", ["state"] = "Input.State", ["correction_reason"] = "Input.CorrectionReason",
    };

    public string InspectionId { get; private set; } = "";
    public OrganisationalStandard Standard { get; private set; } = new();
    public IReadOnlyList<string> RatingWords { get; private set; } = [];
    public StandardRating? Rules { get; private set; }
    public Inspection.Recommendations.V1.Inspection Inspection { get; private set; } = new();
    public Inspection.Evidence.V1.Judgement? Current { get; private set; }

    /// <summary>The report is published and this standard was judged in it: a change is a correction with its reason.</summary>
    public bool IsCorrection => Inspection.Status.Is(InspectionStatus.Published) && Current is not null;

    [BindProperty] public JudgementInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string id, string standardId, CancellationToken ct)
    {
        if (!await LoadAsync(id, standardId, ct)) return NotFound();
        var current = Current;
        Input = new JudgementInput
        {
            Rating = current?.Rating, Rationale = current?.Rationale, PanelDeparture = current?.PanelDeparture ?? false,
            AgreedBy = current?.AgreedBy, State = current?.State ?? "draft", Version = current?.Version ?? 0, RequestId = Guid.NewGuid().ToString(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string standardId, CancellationToken ct)
    {
        if (!await LoadAsync(id, standardId, ct)) return NotFound();
        if (string.IsNullOrEmpty(Input.Rating)) ModelState.AddModelError("Input.Rating", "Select a rating");
        if (IsCorrection && string.IsNullOrWhiteSpace(Input.CorrectionReason))
            ModelState.AddModelError("Input.CorrectionReason", "Enter the reason for the correction");
        var request = new RecordJudgementRequest
        {
            RequestId = string.IsNullOrEmpty(Input.RequestId) ? Guid.NewGuid().ToString() : Input.RequestId,
            InspectionId = id, StandardId = standardId, Rating = Input.Rating ?? "", Rationale = Input.Rationale?.Trim() ?? "",
            PanelDeparture = Input.PanelDeparture, AgreedBy = Input.AgreedBy?.Trim() ?? "", State = Input.State ?? "draft",
            RecordedBy = User.RecordedBy(), RecordedByRole = User.StaffRole() is { } role ? RoleNames.Code(role) : "", ExpectedVersion = Input.Version,
            CorrectionReason = IsCorrection ? Input.CorrectionReason?.Trim() ?? "" : "",
        };
        if (!ModelState.IsValid)
        {
            await ModelState.AddServiceChecksAsync(async () => await evidence.RecordJudgementAsync(request.ChecksOnly(), new CallOptions(cancellationToken: ct)),
                ServiceNames.OrganisationalEvidence, Fields);
            return Page();
        }
        try
        {
            var judgement = await evidence.RecordJudgementAsync(request, new CallOptions(cancellationToken: ct));
            await audit.AppendAuditAsync(User.RecordedBy(), "domain-one judgement recorded", $"standard {standardId}",
                $"{judgement.Rating} ({judgement.State}){(judgement.PanelDeparture ? ", panel departure" : "")}", ct);
            TempData["Notice"] = $"Judgement of {Standard.Name} recorded: {judgement.Rating}";
            return Redirect($"/inspections/{id}/evidence");
        }
        catch (RpcException e)
        {
            ModelState.AddServiceError(e, ServiceNames.OrganisationalEvidence, Fields);
            Input.RequestId = Guid.NewGuid().ToString();
            return Page();
        }
    }

    private async Task<bool> LoadAsync(string id, string standardId, CancellationToken ct)
    {
        InspectionId = id;
        var options = new CallOptions(cancellationToken: ct);
        using var inspection = tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, options);
        using var judgements = evidence.GetJudgementsAsync(new GetJudgementsRequest { InspectionId = id }, options);
        var standards = await evidence.ListOrganisationalStandardsAsync(new ListOrganisationalStandardsRequest { InspectionId = id }, options);
        Inspection = await inspection;
        var standard = standards.Standards.FirstOrDefault(s => s.StandardId == standardId);
        Current = (await judgements).Judgements.FirstOrDefault(j => j.StandardId == standardId);
        if (standard is null) return false;
        Standard = standard;
        RatingWords = standards.RatingWords;
        try
        {
            Rules = (await scoring.GetInspectionRatingsAsync(new GetInspectionRatingsRequest { InspectionId = id }, options))
                .Standards.FirstOrDefault(s => s.StandardId == standardId);
        }
        catch (RpcException)
        {
            Rules = null; // the form still works; the rules are shown as unavailable
        }
        return true;
    }

    public sealed class JudgementInput
    {
        public string? Rating { get; set; }
        public string? Rationale { get; set; }
        public bool PanelDeparture { get; set; }
        public string? AgreedBy { get; set; }
        public string? State { get; set; }
        public string? CorrectionReason { get; set; }
        public long Version { get; set; }
        public string? RequestId { get; set; }
    }
}
