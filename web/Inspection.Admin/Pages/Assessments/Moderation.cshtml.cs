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

namespace Inspection.Admin.Pages.Assessments;

/// <summary>
/// A lead inspector resolves one moderation flag (issue 22): keeps the answer, saying why it stands, or changes the
/// key question's answer so it no longer contradicts its prompts, saying why. Scoring records who, when and why;
/// an unresolved flag stops publication. Changing an answer of a published inspection is a correction with its reason.
/// </summary>
[Authorize(Policy = Policies.Lead)]
public sealed class ModerationModel(
    RecommendationTracking.RecommendationTrackingClient tracking, AssessmentScoring.AssessmentScoringClient scoring, AdminStore audit) : PageModel
{
    /// <summary>The choice that keeps the answer; any other choice is the answer it changes to.</summary>
    public const string Keep = "keep";

    private static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["resolution"] = nameof(Choice), ["answer"] = nameof(Choice), ["note"] = nameof(Note), ["correction_reason"] = nameof(CorrectionReason),
    };

    public Inspection.Recommendations.V1.Inspection Inspection { get; private set; } = new();
    public ModerationFlag Flag { get; private set; } = new();
    /// <summary>The key question's answer now, and the others the case may give it.</summary>
    public string CurrentAnswer { get; private set; } = "";
    public IReadOnlyList<string> OtherAnswers { get; private set; } = [];

    [BindProperty] public string? Choice { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? CorrectionReason { get; set; }
    [BindProperty] public string? RequestId { get; set; }

    /// <summary>The inspection is published: changing an answer changes its report, so the page asks the reason.</summary>
    public bool IsPublished => Inspection.Status.Is(InspectionStatus.Published);

    public string CasePath => $"/inspections/{Inspection.InspectionId}/assessments/{Uri.EscapeDataString(Flag.CaseReference)}";

    public async Task<IActionResult> OnGetAsync(string id, string caseReference, string keyQuestionId, CancellationToken ct)
    {
        if (!await LoadAsync(id, caseReference, keyQuestionId, ct)) return NotFound();
        RequestId = Guid.NewGuid().ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string caseReference, string keyQuestionId, CancellationToken ct)
    {
        if (!await LoadAsync(id, caseReference, keyQuestionId, ct)) return NotFound();
        if (Flag.Resolved) return Redirect($"/inspections/{id}/assessments");
        var keep = Choice == Keep;
        if (!keep && !OtherAnswers.Contains(Choice ?? ""))
            ModelState.AddModelError(nameof(Choice), "Select whether the answer is kept or changed");
        if (string.IsNullOrWhiteSpace(Note))
            ModelState.AddModelError(nameof(Note), keep ? "Enter why the answer stands" : "Enter why the flag is resolved this way");
        // Only a changed answer changes the report; before the choice is made the reason is asked for too.
        var reason = Forms.CorrectionReason.Required(IsPublished && !keep, CorrectionReason, ModelState, nameof(CorrectionReason));
        var request = new ResolveModerationFlagRequest
        {
            RequestId = string.IsNullOrEmpty(RequestId) ? Guid.NewGuid().ToString() : RequestId,
            InspectionId = id, CaseReference = caseReference, KeyQuestionId = keyQuestionId,
            Resolution = (keep ? ModerationResolution.AnswerKept : ModerationResolution.AnswerChanged).Word(),
            Answer = keep ? "" : Choice ?? "", Note = Note?.Trim() ?? "", ResolvedBy = User.RecordedBy(), CorrectionReason = reason,
        };
        if (!ModelState.IsValid)
        {
            await ModelState.AddServiceChecksAsync(async () => await scoring.ResolveModerationFlagAsync(request.ChecksOnly(), new CallOptions(cancellationToken: ct)),
                ServiceNames.AssessmentScoring, Fields);
            return Page();
        }
        try
        {
            var resolved = await scoring.ResolveModerationFlagAsync(request, new CallOptions(cancellationToken: ct));
            var outcome = keep ? $"answer {CurrentAnswer} kept" : $"answer changed from {CurrentAnswer} to {Choice}";
            await audit.AppendAuditAsync(User.RecordedBy(), "moderation flag resolved", $"case {caseReference} key question {keyQuestionId}",
                $"{outcome}: {resolved.ResolutionNote}", ct);
            TempData["Notice"] = $"Moderation flag on case {caseReference}, key question {keyQuestionId}, resolved: {outcome}";
            return Redirect($"/inspections/{id}/assessments");
        }
        catch (RpcException e)
        {
            ModelState.AddServiceError(e, ServiceNames.AssessmentScoring, Fields);
            RequestId = Guid.NewGuid().ToString();
            return Page();
        }
    }

    private async Task<bool> LoadAsync(string id, string caseReference, string keyQuestionId, CancellationToken ct)
    {
        var options = new CallOptions(cancellationToken: ct);
        var flags = scoring.ListModerationFlagsAsync(new ListModerationFlagsRequest { InspectionId = id }, options);
        Inspection = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, options);
        if ((await flags).Flags.FirstOrDefault(f => f.CaseReference == caseReference && f.KeyQuestionId == keyQuestionId) is not { } flag) return false;
        Flag = flag;
        if (flag.Resolved) return true;
        var assessment = await scoring.GetCaseAssessmentAsync(new GetCaseAssessmentRequest { InspectionId = id, CaseReference = caseReference }, options);
        CurrentAnswer = assessment.Answers.FirstOrDefault(a => a.QuestionId == keyQuestionId)?.Answer_ ?? "";
        var allowed = await scoring.ListAllowedAnswersAsync(new ListAllowedAnswersRequest { InspectionId = id, CaseReference = caseReference }, options);
        OtherAnswers = allowed.Questions.FirstOrDefault(q => q.QuestionId == keyQuestionId)?.Answers.Where(a => a != CurrentAnswer).ToList() ?? [];
        return true;
    }
}
