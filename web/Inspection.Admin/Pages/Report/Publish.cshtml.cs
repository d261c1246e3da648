using Inspection.ServiceDefaults;
using Grpc.Core;
using Inspection.Admin.Accounts;
using Inspection.Admin.Forms;
using Inspection.Admin.Publishing;
using Inspection.Admin.Status;
using Inspection.Recommendations.V1;
using Inspection.Scoring.V1;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Pages.Report;

/// <summary>
/// Publishing, as a GOV.UK "check your answers" step: what will be published (ratings, cases, judgements,
/// recommendations and progress), or what stands in the way. Recommendation tracking sets the improvement plan's due
/// date and itself refuses an unfinished inspection (issue 14), so the page is not the only guard: a refusal lists
/// every blocker in the error summary. Success goes to the confirmation panel.
/// </summary>
[Authorize(Policy = Policies.Lead)]
public sealed class PublishModel(
    RecommendationTracking.RecommendationTrackingClient tracking, AssessmentScoring.AssessmentScoringClient scoring, AdminStore audit, TimeProvider clock,
    IServiceProvider services, ILogger<PublishModel> logger) : PageModel
{
    public Inspection.Recommendations.V1.Inspection Inspection { get; private set; } = new();
    public InspectionRatings? Ratings { get; private set; }
    public ListDueForJudgementResponse? Due { get; private set; }
    public int RecommendationCount { get; private set; }
    /// <summary>What the page can see standing in the way (the service checks again when publishing).</summary>
    public IReadOnlyList<string> Blockers { get; private set; } = [];
    [BindProperty] public DateParts PublishedOn { get; set; } = new();
    [BindProperty] public long Version { get; set; }
    [BindProperty] public string? RequestId { get; set; }

    public int Judged => Due?.Recommendations.Count(r => r.JudgementAtThisInspection is not null) ?? 0;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (Inspection.Status.Is(InspectionStatus.Published)) return Redirect($"/inspections/{id}/published");
        Version = Inspection.Version;
        RequestId = Guid.NewGuid().ToString();
        PublishedOn = DateParts.FromDate(EnglandCalendar.Today(clock));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var publishedOn = PublishedOn.Read(ModelState, nameof(PublishedOn), "Publication date", required: true);
        if (publishedOn is null || !ModelState.IsValid) return Page();
        try
        {
            var published = await tracking.PublishInspectionAsync(new PublishInspectionRequest
            {
                RequestId = string.IsNullOrEmpty(RequestId) ? Guid.NewGuid().ToString() : RequestId,
                InspectionId = id, ExpectedVersion = Version, PublishedOn = publishedOn, PublishedBy = User.RecordedBy(),
            }, new CallOptions(cancellationToken: ct));
            await audit.AppendAuditAsync(User.RecordedBy(), "inspection published", published.ProviderName, $"published {published.PublishedOn}", ct);
            await StoreReportAsync(id, ct);
            return Redirect($"/inspections/{id}/published");
        }
        catch (RpcException e) when (e.StatusCode == global::Grpc.Core.StatusCode.FailedPrecondition && e.PreconditionFailures.Count > 0)
        {
            // The service's own guard: one summary item per blocker.
            ModelState.AddModelError("", "The inspection cannot be published yet. Nothing was published.");
            foreach (var blocker in e.PreconditionFailures) ModelState.AddModelError("", Sentence(blocker));
            RequestId = Guid.NewGuid().ToString();
            return Page();
        }
        catch (RpcException e)
        {
            // A date that cannot be the publication date comes with every blocker too (issue 22).
            ModelState.AddServiceError(e, ServiceNames.RecommendationTracking, new Dictionary<string, string> { ["published_on"] = nameof(PublishedOn) });
            RequestId = Guid.NewGuid().ToString();
            return Page();
        }
    }

    /// <summary>
    /// Prints the report as published and stores it with its SHA-256 (version 1). Publication stands if printing fails
    /// (chromium missing, a service slow): the first download then prints and stores it, from the same record.
    /// </summary>
    private async Task StoreReportAsync(string id, CancellationToken ct)
    {
        try
        {
            var record = await ReportRecord.LoadAsync(tracking, scoring, services.GetRequiredService<Inspection.Sampling.V1.CaseSampling.CaseSamplingClient>(),
                services.GetRequiredService<Inspection.Evidence.V1.OrganisationalEvidence.OrganisationalEvidenceClient>(), id, ct);
            await services.GetRequiredService<ReportPdfs>().CurrentAsync(record, ReportPdfs.SelfAddress(HttpContext), Request.Cookies, User.RecordedBy(), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The report PDF of inspection {InspectionId} was not stored at publication; the first download will print it", id);
        }
    }

    private async Task LoadAsync(string id, CancellationToken ct)
    {
        var options = new CallOptions(deadline: GrpcDeadlines.After(TimeSpan.FromSeconds(15)), cancellationToken: ct);
        Inspection = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, options);
        var ratings = Try(() => scoring.GetInspectionRatingsAsync(new GetInspectionRatingsRequest { InspectionId = id }, options));
        var due = Try(() => tracking.ListDueForJudgementAsync(new ListDueForJudgementRequest { InspectionId = id }, options));
        var recommendations = Try(() => tracking.ListRecommendationsAsync(new ListRecommendationsRequest { InspectionId = id, PageSize = 200 }, options));
        Ratings = await ratings;
        Due = await due;
        RecommendationCount = (await recommendations)?.Recommendations.Count ?? Inspection.RecommendationCount;
        var blockers = new List<string>();
        if (Due is null) blockers.Add("Recommendation tracking cannot say which earlier recommendations are due");
        else if (Judged < Due.Recommendations.Count)
            blockers.Add($"{Due.Recommendations.Count - Judged} of {Due.Recommendations.Count} recommendations due for judgement at this inspection not yet judged");
        if (Ratings is null) blockers.Add("Assessment scoring cannot give the inspection's ratings");
        else if (!Ratings.CanPublish) blockers.AddRange(Ratings.Blockers.Count > 0 ? Ratings.Blockers : ["the overall rating is not decided yet"]);
        Blockers = blockers.Select(Sentence).ToList();
    }

    private static string Sentence(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static async Task<T?> Try<T>(Func<AsyncUnaryCall<T>> call) where T : class
    {
        try
        {
            return await call();
        }
        catch (RpcException)
        {
            return null;
        }
    }
}
