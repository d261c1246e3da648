using Grpc.Core;
using Inspection.Admin.Accounts;
using Inspection.Admin.Assessments;
using Inspection.Sampling.V1;
using Inspection.Scoring.V1;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inspection.Admin.Pages.Assessments;

/// <summary>
/// One sampled case's assessment as a task list: the practitioner's grade, then one page per case standard, each with
/// how many of its questions are answered. The pages save one section at a time ("save and continue").
/// </summary>
[Authorize(Policy = Policies.Record)]
public sealed class CaseModel(CaseSampling.CaseSamplingClient sampling, AssessmentScoring.AssessmentScoringClient scoring) : PageModel
{
    public string InspectionId { get; private set; } = "";
    public CaseInSample Assessment { get; private set; } = null!;

    /// <summary>Where "Continue" goes: the grade when none is recorded, else the first standard not fully answered.</summary>
    public string? ContinueHref { get; private set; }

    public int StandardsComplete => Assessment.Sections.Standards.Count(s => StandardSections.Progress(s, Assessment.Answers) is var (a, q) && a == q);

    public async Task<IActionResult> OnGetAsync(string id, string caseReference, CancellationToken ct)
    {
        InspectionId = id;
        var loaded = await CaseInSample.LoadAsync(sampling, scoring, id, caseReference, ct);
        if (loaded is null) return NotFound();
        Assessment = loaded;
        var basePath = $"/inspections/{id}/assessments/{Uri.EscapeDataString(caseReference)}";
        ContinueHref = loaded.StaffGrade.Length == 0
            ? basePath + "/grade"
            : loaded.Sections.FirstUnfinished(loaded.Answers) is { } next ? $"{basePath}/standards/{Uri.EscapeDataString(next.StandardId)}" : null;
        return Page();
    }
}
