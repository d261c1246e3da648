using Grpc.Core;
using Inspection.Admin.Presentation;
using Inspection.Evidence.V1;
using Inspection.Recommendations.V1;
using Inspection.Sampling.V1;
using Inspection.Scoring.V1;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Pages.Inspections;

/// <summary>
/// The inspection as a GOV.UK task list. Each task's state is asked of the service that owns it, all at once;
/// a service that cannot answer leaves its task "Cannot check" rather than failing the page.
/// </summary>
public sealed class DetailsModel(
    RecommendationTracking.RecommendationTrackingClient tracking,
    CaseSampling.CaseSamplingClient sampling,
    AssessmentScoring.AssessmentScoringClient scoring,
    OrganisationalEvidence.OrganisationalEvidenceClient evidence) : PageModel
{
    private const string Unavailable = "Cannot check";

    public Inspection.Recommendations.V1.Inspection Inspection { get; private set; } = new();
    public IReadOnlyList<InspectionTask> Tasks { get; private set; } = [];

    public async Task OnGetAsync(string id, CancellationToken ct)
    {
        var options = new CallOptions(cancellationToken: ct);
        Inspection = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, options);
        var samples = Try(() => sampling.ListSamplesAsync(new ListSamplesRequest { InspectionId = id }, options));
        var assessments = Try(() => scoring.ListCaseAssessmentsAsync(new ListCaseAssessmentsRequest { InspectionId = id, PageSize = 1 }, options));
        var ratings = Try(() => scoring.GetInspectionRatingsAsync(new GetInspectionRatingsRequest { InspectionId = id }, options));
        var standards = Try(() => evidence.ListOrganisationalStandardsAsync(new ListOrganisationalStandardsRequest { InspectionId = id }, options));
        var judgements = Try(() => evidence.GetJudgementsAsync(new GetJudgementsRequest { InspectionId = id }, options));
        var due = Try(() => tracking.ListDueForJudgementAsync(new ListDueForJudgementRequest { InspectionId = id }, options));

        var current = (await samples)?.Samples.FirstOrDefault(s => s.Current);
        var tasks = new List<InspectionTask>
        {
            (await samples) is null ? Cannot("sample", "Draw the case sample", $"/inspections/{id}/sample")
                : current is null ? new("sample", "Draw the case sample", $"/inspections/{id}/sample", "Not yet started", "govuk-tag--blue", "Import the caseload, size and draw the sample")
                : new("sample", "Draw the case sample", $"/inspections/{id}/sample", "Completed", null, $"{current.Size} cases drawn, seed {current.Seed}"),
            // "Published without a sample" only when sampling answered that there is none.
            AssessmentTask(id, Inspection.Status.Is(InspectionStatus.Published) && (await samples) is not null, current, await assessments, await ratings),
            EvidenceTask(id, await standards, await judgements),
            RatingsTask(id, await ratings),
            new("recommendations", "Recommendations", $"/recommendations?inspection={id}", Inspection.RecommendationCount > 0 ? "Completed" : "Not yet started",
                Inspection.RecommendationCount > 0 ? null : "govuk-tag--blue", $"{Inspection.RecommendationCount} recommendation{(Inspection.RecommendationCount == 1 ? "" : "s")} made"),
            ProgressTask(id, await due),
            Inspection.Status.Is(InspectionStatus.Published)
                ? new("publish", "Publish", $"/inspections/{id}/report", "Completed", null, $"Published {DisplayDate.Format(Inspection.PublishedOn)}; improvement plan due {DisplayDate.Format(Inspection.ImprovementPlanDue)}")
                : new("publish", "Publish", $"/inspections/{id}/report", "Not yet started", "govuk-tag--blue", "Preview the report, then publish"),
        };
        Tasks = tasks;
    }

    private static InspectionTask AssessmentTask(string id, bool publishedWithSamplesKnown, SampleSummary? sample, ListCaseAssessmentsResponse? assessments, InspectionRatings? ratings)
    {
        const string name = "Assess the sampled cases";
        var href = $"/inspections/{id}/assessments";
        // The cases are assessed on a sample; a reference inspection loaded from its report has none, so there is
        // no page to link to and nothing to start (issue 22).
        if (sample is null && ratings?.Source.Is(FiguresSource.Published) == true)
            return new("assessments", name, null, "Not applicable", "govuk-tag--grey", "Recorded from the published report's figures; no case sample is held");
        if (sample is null && publishedWithSamplesKnown) return new("assessments", name, null, "Not applicable", "govuk-tag--grey", "Published without a case sample in this service");
        if (ratings?.Source.Is(FiguresSource.Published) == true) return new("assessments", name, href, "Completed", null, "Recorded from the published report's figures");
        if (assessments is null) return Cannot("assessments", name, href);
        if (sample is null) return new("assessments", name, null, "Cannot start yet", "govuk-task-list__status--cannot-start-yet", "Draw the sample first");
        // "Assessed" means complete (every question that can apply answered); a started assessment is in progress.
        if (ratings is null) return Cannot("assessments", name, href);
        var done = ratings.CasesComplete;
        var started = ratings.CasesInProgress;
        var hint = $"{done} of {sample.Size} cases assessed, {started} in progress";
        return done >= sample.Size
            ? new("assessments", name, href, "Completed", null, hint)
            : new("assessments", name, href, done + started == 0 ? "Not yet started" : "In progress", done + started == 0 ? "govuk-tag--blue" : "govuk-tag--light-blue", hint);
    }

    private static InspectionTask EvidenceTask(string id, ListOrganisationalStandardsResponse? standards, GetJudgementsResponse? judgements)
    {
        const string name = "Organisational evidence and judgements";
        var href = $"/inspections/{id}/evidence";
        if (standards is null || judgements is null) return Cannot("evidence", name, href);
        var final = judgements.Judgements.Count(j => j.State.Is(JudgementState.Final));
        var total = standards.Standards.Count;
        return final >= total && total > 0
            ? new("evidence", name, href, "Completed", null, $"{final} of {total} domain-one standards judged (final)")
            : new("evidence", name, href, final == 0 && judgements.Judgements.Count == 0 ? "Not yet started" : "In progress",
                final == 0 && judgements.Judgements.Count == 0 ? "govuk-tag--blue" : "govuk-tag--light-blue", $"{final} of {total} domain-one standards judged (final)");
    }

    private static InspectionTask RatingsTask(string id, InspectionRatings? ratings)
    {
        const string name = "Ratings";
        var href = $"/inspections/{id}/ratings";
        if (ratings is null) return Cannot("ratings", name, href);
        if (ratings.CanPublish) return new("ratings", name, href, "Completed", null, ratings.Overall is { Rating.Length: > 0 } o ? $"Overall: {o.Rating} ({o.Score} of {o.MaxScore})" : "Every standard rated");
        return new("ratings", name, href, "Incomplete", "govuk-tag--light-blue", ratings.Blockers.Count > 0 ? Sentence(ratings.Blockers[0]) : "Not every standard is rated yet");
    }

    // The services' blockers are phrases ("no case sample has been drawn"); a hint is a sentence.
    private static string Sentence(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static InspectionTask ProgressTask(string id, ListDueForJudgementResponse? due)
    {
        const string name = "Progress against previous recommendations";
        var href = $"/inspections/{id}/progress";
        if (due is null) return Cannot("progress", name, href);
        if (due.Recommendations.Count == 0) return new("progress", name, href, "Completed", null, "No earlier recommendation is due for judgement");
        var judged = due.Recommendations.Count(r => r.JudgementAtThisInspection is not null);
        return judged == due.Recommendations.Count
            ? new("progress", name, href, "Completed", null, $"{judged} of {due.Recommendations.Count} recommendations judged")
            : new("progress", name, href, judged == 0 ? "Not yet started" : "In progress", judged == 0 ? "govuk-tag--blue" : "govuk-tag--light-blue", $"{judged} of {due.Recommendations.Count} recommendations judged");
    }

    private static InspectionTask Cannot(string key, string name, string href) =>
        new(key, name, href, Unavailable, "govuk-tag--grey", "The service that holds this is not available at the moment");

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
