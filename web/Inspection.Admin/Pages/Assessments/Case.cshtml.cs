using Inspection.Admin.Accounts;
using Inspection.Admin.Forms;
using Inspection.Admin.Status;
using Inspection.Sampling.V1;
using Inspection.Scoring.V1;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Inspection.Grpc.CallOptions;
using RpcException = Inspection.Grpc.RpcException;

namespace Inspection.Admin.Pages.Assessments;

/// <summary>One sampled case's assessment: prompts grouped under their key questions, with only the answers that may apply.</summary>
[Authorize(Policy = Policies.Record)]
public sealed class CaseModel(CaseSampling.CaseSamplingClient sampling, AssessmentScoring.AssessmentScoringClient scoring, AdminStore audit) : PageModel
{
    public string InspectionId { get; private set; } = "";
    public SampledCase Case { get; private set; } = new();
    public Framework Framework { get; private set; } = new();
    public int Position { get; private set; }
    public int SampleSize { get; private set; }
    public string? NextCase { get; private set; }

    [BindProperty] public Dictionary<string, string> Answers { get; set; } = [];
    [BindProperty] public Dictionary<string, string> Notes { get; set; } = [];
    [BindProperty] public string? StaffGrade { get; set; }
    [BindProperty] public long Version { get; set; }
    [BindProperty] public string? RequestId { get; set; }

    public static string Key(string questionId) => $"Answers[{questionId}]";

    public IEnumerable<Standard> CaseStandards => Framework.Domains.SelectMany(d => d.Standards).Where(s => s.CaseStandard);

    public async Task<IActionResult> OnGetAsync(string id, string caseReference, CancellationToken ct)
    {
        if (!await LoadAsync(id, caseReference, ct)) return NotFound();
        try
        {
            var existing = await scoring.GetCaseAssessmentAsync(new GetCaseAssessmentRequest { InspectionId = id, CaseReference = caseReference }, new CallOptions(CancellationToken: ct));
            Answers = existing.Answers.ToDictionary(a => a.QuestionId, a => a.Answer_);
            Notes = existing.Answers.Where(a => a.Note.Length > 0).ToDictionary(a => a.QuestionId, a => a.Note);
            StaffGrade = existing.StaffGrade;
            Version = existing.Version;
        }
        catch (RpcException e) when (e.StatusCode == Inspection.Grpc.StatusCode.NotFound)
        {
            Version = 0; // not assessed yet
        }
        RequestId = Guid.NewGuid().ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string caseReference, CancellationToken ct)
    {
        if (!await LoadAsync(id, caseReference, ct)) return NotFound();
        if (string.IsNullOrWhiteSpace(StaffGrade)) ModelState.AddModelError(nameof(StaffGrade), "Enter the grade of the case's practitioner, like PO or PSO");
        if (!ModelState.IsValid) return Page();
        var request = new RecordCaseAssessmentRequest
        {
            RequestId = string.IsNullOrEmpty(RequestId) ? Guid.NewGuid().ToString() : RequestId,
            InspectionId = id, CaseReference = caseReference, StaffGrade = StaffGrade!.Trim(), AssessedBy = User.RecordedBy(), ExpectedVersion = Version,
        };
        var fields = new Dictionary<string, string> { ["staff_grade"] = nameof(StaffGrade) };
        foreach (var (questionId, answer) in Answers.Where(a => !string.IsNullOrEmpty(a.Value)))
        {
            fields[$"answers[{request.Answers.Count}]"] = Key(questionId);
            request.Answers.Add(new Answer { QuestionId = questionId, Answer_ = answer, Note = Notes.GetValueOrDefault(questionId)?.Trim() ?? "" });
        }
        try
        {
            var saved = await scoring.RecordCaseAssessmentAsync(request, new CallOptions(CancellationToken: ct));
            await audit.AppendAuditAsync(User.RecordedBy(), "case assessment recorded", $"case {caseReference}", $"{saved.Answers.Count} answers, version {saved.Version}", ct);
            TempData["Notice"] = $"Assessment of case {caseReference} saved";
            // A flag is something to look at, not a success: the important banner, not the green one.
            if (saved.ModerationFlags.Count > 0) TempData["Important"] = $"{saved.ModerationFlags.Count} answer{(saved.ModerationFlags.Count == 1 ? "" : "s")} of case {caseReference} flagged for moderation: they contradict their prompts";
            return Redirect($"/inspections/{id}/assessments");
        }
        catch (RpcException e)
        {
            ModelState.AddServiceError(e, ServiceNames.AssessmentScoring, fields);
            RequestId = Guid.NewGuid().ToString();
            return Page();
        }
    }

    private async Task<bool> LoadAsync(string id, string caseReference, CancellationToken ct)
    {
        InspectionId = id;
        var options = new CallOptions(CancellationToken: ct);
        var framework = scoring.GetFrameworkAsync(new GetFrameworkRequest { InspectionId = id }, options);
        var cases = new List<SampledCase>();
        await foreach (var c in sampling.ListSampleCases(new ListSampleCasesRequest { InspectionId = id }, options)) cases.Add(c);
        Framework = await framework;
        var index = cases.FindIndex(c => c.CaseReference == caseReference);
        if (index < 0) return false;
        Case = cases[index];
        Position = index + 1;
        SampleSize = cases.Count;
        NextCase = index + 1 < cases.Count ? cases[index + 1].CaseReference : null;
        return true;
    }
}
