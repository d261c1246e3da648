using Inspection.Admin.Accounts;
using Inspection.Admin.Forms;
using Inspection.Admin.Progress;
using Inspection.Admin.Status;
using Inspection.Recommendations.V1;
using Inspection.Scoring.V1;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Pages.Inspections;

/// <summary>Records (or revises) the progress judgement of one recommendation at an inspection: lead inspectors.</summary>
[Authorize(Policy = Policies.Lead)]
public sealed class RecordProgressModel(
    RecommendationTracking.RecommendationTrackingClient tracking, AssessmentScoring.AssessmentScoringClient scoring, AdminStore audit) : PageModel
{
    private static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["judgement"] = "Input.Judgement",
        ["findings"] = "Input.Findings",
        ["repeated_from_previous_inspection"] = "Input.Repeated",
        ["correction_reason"] = "Input.CorrectionReason",
    };

    /// <summary>The inspection is published: a judgement changes its report's annex, so it is recorded as a correction.</summary>
    public bool IsCorrection => Inspection.Status.Is(InspectionStatus.Published);

    public Inspection.Recommendations.V1.Inspection Inspection { get; private set; } = new();
    public DueRecommendation Due { get; private set; } = new();
    public IReadOnlyList<string> Scale { get; private set; } = [];

    [BindProperty] public ProgressInput Input { get; set; } = new();

    /// <summary>The linked key questions' change between the inspection that made the recommendation and this one
    /// (issue 23); null when it cannot be shown now (the page still records the judgement).</summary>
    public LinkedChanges? Measured { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string recommendationId, CancellationToken ct)
    {
        if (!await LoadAsync(id, recommendationId, ct)) return NotFound();
        var current = Due.JudgementAtThisInspection;
        Input = new ProgressInput
        {
            Judgement = current?.Judgement,
            Findings = current?.Findings,
            Repeated = current?.RepeatedFromPreviousInspection ?? false,
            Version = Due.Recommendation.Version,
            RequestId = Guid.NewGuid().ToString(),
        };
        await MeasureAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string recommendationId, CancellationToken ct)
    {
        if (!await LoadAsync(id, recommendationId, ct)) return NotFound();
        if (string.IsNullOrEmpty(Input.Judgement)) ModelState.AddModelError("Input.Judgement", "Select the progress made");
        if (string.IsNullOrWhiteSpace(Input.Findings)) ModelState.AddModelError("Input.Findings", "Enter the inspection's findings");
        if (IsCorrection && string.IsNullOrWhiteSpace(Input.CorrectionReason))
            ModelState.AddModelError("Input.CorrectionReason", "Enter the reason for the correction");
        await MeasureAsync(id, ct);
        var request = new RecordProgressJudgementRequest
        {
            RequestId = string.IsNullOrEmpty(Input.RequestId) ? Guid.NewGuid().ToString() : Input.RequestId,
            RecommendationId = recommendationId,
            InspectionId = id,
            ExpectedVersion = Input.Version,
            Judgement = Input.Judgement ?? "",
            Findings = Input.Findings?.Trim() ?? "",
            RepeatedFromPreviousInspection = Input.Repeated,
            RecordedBy = User.RecordedBy(),
            CorrectionReason = Input.CorrectionReason?.Trim() ?? "",
        };
        if (!ModelState.IsValid)
        {
            await ModelState.AddServiceChecksAsync(async () => await tracking.RecordProgressJudgementAsync(request.ChecksOnly(), new CallOptions(cancellationToken: ct)),
                ServiceNames.RecommendationTracking, Fields);
            return Page();
        }
        // A judgement the measurement disagrees with is shown with the warning once before it is saved.
        if (Measured?.Disagreeing.Count > 0 && Input.ConfirmedJudgement != Input.Judgement)
        {
            Input.ConfirmedJudgement = Input.Judgement;
            ModelState.Remove("Input.ConfirmedJudgement");   // the hidden field shows the value set here, not the one posted
            return Page();
        }
        try
        {
            var reply = await tracking.RecordProgressJudgementAsync(request, new CallOptions(cancellationToken: ct));
            await audit.AppendAuditAsync(User.RecordedBy(), "progress judgement recorded", $"recommendation {Due.Recommendation.Number} of {Due.Recommendation.AddresseeName}",
                $"{reply.Judgement.Judgement} at the inspection of {Inspection.ProviderName}", ct);
            TempData["Notice"] = reply.Judgement.CorrectionReason.Length > 0
                ? $"Correction recorded: {reply.Judgement.Judgement}. The published report now shows it as amended."
                : $"Judgement recorded: {reply.Judgement.Judgement}";
            return Redirect($"/inspections/{id}/progress");
        }
        catch (RpcException e)
        {
            ModelState.AddServiceError(e, ServiceNames.RecommendationTracking, Fields);
            // A retry after a refusal is a new request.
            Input.RequestId = Guid.NewGuid().ToString();
            return Page();
        }
    }

    private async Task MeasureAsync(string id, CancellationToken ct)
    {
        try
        {
            Measured = await LinkedChanges.LoadAsync(tracking, scoring, Due.Recommendation, id, Input.Judgement, ct);
        }
        catch (RpcException)
        {
            Measured = null;
        }
    }

    /// <summary>The judgement was shown with the measurement's warning and is being saved as it stands.</summary>
    public bool WarnedAlready => Measured?.Disagreeing.Count > 0 && Input.ConfirmedJudgement == Input.Judgement;

    private async Task<bool> LoadAsync(string id, string recommendationId, CancellationToken ct)
    {
        var due = await tracking.ListDueForJudgementAsync(new ListDueForJudgementRequest { InspectionId = id }, new CallOptions(cancellationToken: ct));
        Inspection = due.Inspection;
        Scale = due.ProgressScale;
        Due = due.Recommendations.FirstOrDefault(r => r.Recommendation.RecommendationId == recommendationId)!;
        return Due is not null;
    }

    public sealed class ProgressInput
    {
        public string? Judgement { get; set; }
        public string? Findings { get; set; }
        public bool Repeated { get; set; }
        public long Version { get; set; }
        public string? RequestId { get; set; }
        public string? CorrectionReason { get; set; }
        /// <summary>The judgement shown with the measurement's disagreement warning: saving it again saves it.</summary>
        public string? ConfirmedJudgement { get; set; }
    }
}
