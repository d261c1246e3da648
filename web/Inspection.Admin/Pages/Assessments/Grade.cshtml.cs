using Inspection.Admin.Accounts;
using Inspection.Admin.Assessments;
using Inspection.Admin.Forms;
using Inspection.Admin.Status;
using Inspection.Contracts.Vocabularies;
using Inspection.Domain.Vocabularies;
using Inspection.Recommendations.V1;
using Inspection.Sampling.V1;
using Inspection.Scoring.V1;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Pages.Assessments;

/// <summary>The first section of a case's assessment: the grade of the practitioner holding the case, a fixed choice
/// (a correction with its reason once the inspection is published: breakdowns by grade are in the report).</summary>
[Authorize(Policy = Policies.Record)]
public sealed class GradeModel(
    CaseSampling.CaseSamplingClient sampling, AssessmentScoring.AssessmentScoringClient scoring, RecommendationTracking.RecommendationTrackingClient tracking,
    AdminStore audit) : PageModel
{
    private static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["staff_grade"] = nameof(StaffGrade), ["correction_reason"] = nameof(CorrectionReason),
    };

    public string InspectionId { get; private set; } = "";
    public CaseInSample Assessment { get; private set; } = null!;

    [BindProperty] public string? StaffGrade { get; set; }
    [BindProperty] public long Version { get; set; }
    [BindProperty] public string? RequestId { get; set; }
    [BindProperty] public string? CorrectionReason { get; set; }

    public Inspection.Recommendations.V1.Inspection Inspection { get; private set; } = new();

    /// <summary>The inspection is published: saving changes its report, so it is a correction with a reason.</summary>
    public bool IsCorrection => Inspection.Status.Is(InspectionStatus.Published);

    public async Task<IActionResult> OnGetAsync(string id, string caseReference, CancellationToken ct)
    {
        if (!await LoadAsync(id, caseReference, ct)) return NotFound();
        StaffGrade = Assessment.StaffGrade;
        Version = Assessment.Version;
        RequestId = Guid.NewGuid().ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string caseReference, CancellationToken ct)
    {
        if (!await LoadAsync(id, caseReference, ct)) return NotFound();
        if (!PractitionerGrades.IsKnown(StaffGrade)) ModelState.AddModelError(nameof(StaffGrade), "Select the grade of the case's practitioner");
        var reason = Forms.CorrectionReason.Required(IsCorrection, CorrectionReason, ModelState, nameof(CorrectionReason));
        var request = new RecordCaseAssessmentRequest
        {
            RequestId = string.IsNullOrEmpty(RequestId) ? Guid.NewGuid().ToString() : RequestId,
            InspectionId = id, CaseReference = caseReference, StaffGrade = StaffGrade ?? "", AssessedBy = User.RecordedBy(), ExpectedVersion = Version,
            CorrectionReason = reason,
        };
        // The whole assessment travels each time: the answers stored so far go back unchanged.
        request.Answers.AddRange(Assessment.Stored?.Answers ?? []);
        if (!ModelState.IsValid)
        {
            await ModelState.AddServiceChecksAsync(async () => await scoring.RecordCaseAssessmentAsync(request.ChecksOnly(), new CallOptions(cancellationToken: ct)),
                ServiceNames.AssessmentScoring, Fields);
            return Page();
        }
        try
        {
            var saved = await scoring.RecordCaseAssessmentAsync(request, new CallOptions(cancellationToken: ct));
            await audit.AppendAuditAsync(User.RecordedBy(), "case assessment recorded", $"case {caseReference}", $"practitioner grade {StaffGrade}, version {saved.Version}", ct);
            var next = Assessment.Sections.FirstUnfinished(Assessment.Answers) ?? Assessment.Sections.Standards.FirstOrDefault();
            return next is null
                ? Redirect($"/inspections/{id}/assessments/{Uri.EscapeDataString(caseReference)}")
                : Redirect($"/inspections/{id}/assessments/{Uri.EscapeDataString(caseReference)}/standards/{Uri.EscapeDataString(next.StandardId)}");
        }
        catch (RpcException e)
        {
            ModelState.AddServiceError(e, ServiceNames.AssessmentScoring, Fields);
            RequestId = Guid.NewGuid().ToString();
            return Page();
        }
    }

    private async Task<bool> LoadAsync(string id, string caseReference, CancellationToken ct)
    {
        InspectionId = id;
        var loaded = await CaseInSample.LoadAsync(sampling, scoring, id, caseReference, ct);
        if (loaded is null) return false;
        Assessment = loaded;
        Inspection = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, new CallOptions(cancellationToken: ct));
        return true;
    }
}
