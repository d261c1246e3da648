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

/// <summary>
/// One case standard of one case's assessment: its key questions with their prompts, offering only the answers that
/// may apply. "Save and continue" records the whole assessment (this standard's answers replacing the ones stored for
/// it, every other answer sent back unchanged, at the version read) and goes on to the next standard. Once the
/// inspection is published the change is a correction: the page asks for its reason and sends it.
/// </summary>
[Authorize(Policy = Policies.Record)]
public sealed class StandardModel(
    CaseSampling.CaseSamplingClient sampling, AssessmentScoring.AssessmentScoringClient scoring, RecommendationTracking.RecommendationTrackingClient tracking,
    AdminStore audit) : PageModel
{
    public const string SaveAndContinue = "continue";
    public const string SaveAndReturn = "return";

    public string InspectionId { get; private set; } = "";
    public CaseInSample Assessment { get; private set; } = null!;
    public Standard Standard { get; private set; } = new();
    public int StandardNumber { get; private set; }

    /// <summary>The answers scoring allows this case for each question of the standard (ListAllowedAnswers): the form
    /// offers only those, and the rules stay scoring's.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AllowedAnswers { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();

    [BindProperty] public Dictionary<string, string> Answers { get; set; } = [];
    [BindProperty] public Dictionary<string, string> Notes { get; set; } = [];
    [BindProperty] public long Version { get; set; }
    [BindProperty] public string? RequestId { get; set; }
    [BindProperty] public string? CorrectionReason { get; set; }

    public Inspection.Recommendations.V1.Inspection Inspection { get; private set; } = new();

    /// <summary>The inspection is published: saving changes its report, so it is a correction with a reason.</summary>
    public bool IsCorrection => Inspection.Status.Is(InspectionStatus.Published);

    public static string Key(string questionId) => $"Answers[{questionId}]";

    public string CasePath => $"/inspections/{InspectionId}/assessments/{Uri.EscapeDataString(Assessment.Case.CaseReference)}";

    public async Task<IActionResult> OnGetAsync(string id, string caseReference, string standardId, CancellationToken ct)
    {
        if (!await LoadAsync(id, caseReference, standardId, ct)) return NotFound();
        if (Assessment.StaffGrade.Length == 0) return Redirect(CasePath + "/grade");
        Answers = Assessment.Answers.ToDictionary();
        Notes = Assessment.Notes.ToDictionary();
        Version = Assessment.Version;
        RequestId = Guid.NewGuid().ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string caseReference, string standardId, string? then, CancellationToken ct)
    {
        if (!await LoadAsync(id, caseReference, standardId, ct)) return NotFound();
        if (Assessment.StaffGrade.Length == 0) return Redirect(CasePath + "/grade");
        var mine = StandardSections.QuestionIds(Standard).ToHashSet();
        var reason = Forms.CorrectionReason.Required(IsCorrection, CorrectionReason, ModelState, nameof(CorrectionReason));
        var request = new RecordCaseAssessmentRequest
        {
            RequestId = string.IsNullOrEmpty(RequestId) ? Guid.NewGuid().ToString() : RequestId,
            InspectionId = id, CaseReference = caseReference, StaffGrade = Assessment.StaffGrade, AssessedBy = User.RecordedBy(), ExpectedVersion = Version,
            CorrectionReason = reason,
        };
        var fields = new Dictionary<string, string> { ["correction_reason"] = nameof(CorrectionReason) };
        // Every other standard's answers as stored; only this standard's questions are taken from the form.
        foreach (var kept in Assessment.Stored?.Answers.Where(a => !mine.Contains(a.QuestionId)) ?? [])
        {
            fields[$"answers[{request.Answers.Count}]"] = Key(kept.QuestionId);
            request.Answers.Add(kept);
        }
        foreach (var questionId in StandardSections.QuestionIds(Standard))
        {
            var answer = Answers.GetValueOrDefault(questionId);
            var note = Notes.GetValueOrDefault(questionId)?.Trim() ?? "";
            if (string.IsNullOrEmpty(answer) && note.Length == 0) continue;
            fields[$"answers[{request.Answers.Count}]"] = Key(questionId);
            request.Answers.Add(new Answer { QuestionId = questionId, Answer_ = answer ?? "", Note = note });
        }
        if (!ModelState.IsValid)
        {
            await ModelState.AddServiceChecksAsync(async () => await scoring.RecordCaseAssessmentAsync(request.ChecksOnly(), new CallOptions(cancellationToken: ct)),
                ServiceNames.AssessmentScoring, fields);
            return Page();
        }
        try
        {
            var saved = await scoring.RecordCaseAssessmentAsync(request, new CallOptions(cancellationToken: ct));
            var (answered, questions) = StandardSections.Progress(Standard, saved.Answers.Where(a => a.Answer_.Length > 0).ToDictionary(a => a.QuestionId, a => a.Answer_));
            await audit.AppendAuditAsync(User.RecordedBy(), "case assessment recorded", $"case {caseReference}",
                $"standard {Standard.StandardId}: {answered} of {questions} answered, version {saved.Version}", ct);
            // A flag is something to look at, not a success: the important banner, not the green one.
            if (saved.ModerationFlags.Count > 0)
                TempData["Important"] = $"{saved.ModerationFlags.Count} answer{(saved.ModerationFlags.Count == 1 ? "" : "s")} of case {caseReference} flagged for moderation: they contradict their prompts";
            var next = Assessment.Sections.After(Standard);
            if (then == SaveAndContinue && next is not null)
                return Redirect($"{CasePath}/standards/{Uri.EscapeDataString(next.StandardId)}");
            TempData["Notice"] = IsCorrection
                ? $"Correction of standard {Standard.StandardId} of case {caseReference} recorded. The published report now shows it as amended."
                : $"Standard {Standard.StandardId} of case {caseReference} saved: {answered} of {questions} questions answered";
            return Redirect(CasePath);
        }
        catch (RpcException e)
        {
            ModelState.AddServiceError(e, ServiceNames.AssessmentScoring, fields);
            RequestId = Guid.NewGuid().ToString();
            return Page();
        }
    }

    private async Task<bool> LoadAsync(string id, string caseReference, string standardId, CancellationToken ct)
    {
        InspectionId = id;
        var loaded = await CaseInSample.LoadAsync(sampling, scoring, id, caseReference, ct);
        if (loaded?.Sections.Find(standardId) is not { } standard) return false;
        Assessment = loaded;
        Standard = standard;
        Inspection = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, new CallOptions(cancellationToken: ct));
        StandardNumber = loaded.Sections.IndexOf(standard) + 1;
        var allowed = await scoring.ListAllowedAnswersAsync(
            new ListAllowedAnswersRequest { InspectionId = id, CaseReference = caseReference, StandardId = standard.StandardId }, new CallOptions(cancellationToken: ct));
        AllowedAnswers = allowed.Questions.ToDictionary(q => q.QuestionId, q => (IReadOnlyList<string>)q.Answers.ToList(), StringComparer.Ordinal);
        return true;
    }
}
