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

namespace Inspection.Admin.Pages.Recommendations;

/// <summary>
/// Links a recommendation to the standards and key questions of its inspection's framework it is about (issue 23), so
/// the next inspection shows their measured change beside its progress judgement. Not part of the published report:
/// no correction reason, whenever it is done. Lead inspectors.
/// </summary>
[Authorize(Policy = Policies.Lead)]
public sealed class LinksModel(
    RecommendationTracking.RecommendationTrackingClient tracking, AssessmentScoring.AssessmentScoringClient scoring, AdminStore audit) : PageModel
{
    public Recommendation Recommendation { get; private set; } = new();
    public string FrameworkName { get; private set; } = "";
    public IReadOnlyList<LinkChoice> Choices { get; private set; } = [];

    [BindProperty] public LinksInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out _)) return NotFound();
        var links = await LoadAsync(id, ct);
        Input = new LinksInput
        {
            StandardIds = links.Standards.Select(s => s.Id).ToList(),
            KeyQuestionIds = links.KeyQuestions.Select(k => k.Id).ToList(),
            RequestId = Guid.NewGuid().ToString(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out _)) return NotFound();
        await LoadAsync(id, ct);
        try
        {
            var request = new SetRecommendationLinksRequest
            {
                RequestId = string.IsNullOrEmpty(Input.RequestId) ? Guid.NewGuid().ToString() : Input.RequestId,
                RecommendationId = id,
                RecordedBy = User.RecordedBy(),
            };
            request.StandardIds.AddRange(Input.StandardIds);
            request.KeyQuestionIds.AddRange(Input.KeyQuestionIds);
            var saved = await tracking.SetRecommendationLinksAsync(request, new CallOptions(cancellationToken: ct));
            var count = saved.Standards.Count + saved.KeyQuestions.Count;
            await audit.AppendAuditAsync(User.RecordedBy(), "recommendation linked", $"recommendation {Recommendation.Number} of {Recommendation.AddresseeName}",
                string.Join(", ", saved.Standards.Select(s => s.Id).Concat(saved.KeyQuestions.Select(k => k.Id))), ct);
            TempData["Notice"] = count == 0 ? "The recommendation is no longer linked to any standard or key question"
                : $"Linked to {count} standard{(count == 1 ? "" : "s")} and key question{(count == 1 ? "" : "s")}";
            return Redirect($"/recommendations/{id}");
        }
        catch (RpcException e)
        {
            ModelState.AddServiceError(e, ServiceNames.RecommendationTracking);
            Input.RequestId = Guid.NewGuid().ToString();
            return Page();
        }
    }

    private async Task<RecommendationLinks> LoadAsync(string id, CancellationToken ct)
    {
        var options = new CallOptions(cancellationToken: ct);
        Recommendation = await tracking.GetRecommendationAsync(new GetRecommendationRequest { RecommendationId = id }, options);
        var links = tracking.GetRecommendationLinksAsync(new GetRecommendationLinksRequest { RecommendationId = id }, options);
        var framework = await scoring.GetFrameworkAsync(new GetFrameworkRequest { InspectionId = Recommendation.InspectionId }, options);
        FrameworkName = Presentation.FrameworkTitles.Of(framework.FrameworkId, framework.Name);
        Choices = framework.Domains.SelectMany(d => d.Standards)
            .Select(s => new LinkChoice(s.StandardId, s.Name, s.KeyQuestions.Select(k => (k.QuestionId, k.Text)).ToList()))
            .ToList();
        return await links;
    }

    public sealed class LinksInput
    {
        public List<string> StandardIds { get; set; } = [];
        public List<string> KeyQuestionIds { get; set; } = [];
        public string? RequestId { get; set; }
    }
}
