using Grpc.Core;
using Inspection.Admin.Presentation;
using Inspection.Evidence.V1;
using Inspection.Recommendations.V1;
using Inspection.Sampling.V1;
using Inspection.Scoring.V1;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Pages.Report;

/// <summary>
/// The report as it will print: ratings, recommendations, the annex of progress against previous recommendations
/// and the inspection-data annex. Each part comes from the service that owns it; a part whose service is away says so.
/// </summary>
public sealed class IndexModel(
    RecommendationTracking.RecommendationTrackingClient tracking,
    AssessmentScoring.AssessmentScoringClient scoring,
    CaseSampling.CaseSamplingClient sampling,
    OrganisationalEvidence.OrganisationalEvidenceClient evidence) : PageModel
{
    public Inspection.Recommendations.V1.Inspection Inspection { get; private set; } = new();
    public RatingsView? Ratings { get; private set; }
    public IReadOnlyList<Recommendation> Recommendations { get; private set; } = [];
    public ListDueForJudgementResponse? Progress { get; private set; }
    public SampleSummary? Sample { get; private set; }
    public StaffingReturn? Staffing { get; private set; }
    public CaseCharacteristicsTable? Characteristics { get; private set; }
    /// <summary>Changes made after publication, each recorded as a correction by the service that owns it, oldest first.</summary>
    public IReadOnlyList<ReportAmendment> Amendments { get; private set; } = [];

    public async Task OnGetAsync(string id, CancellationToken ct)
    {
        var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(15), cancellationToken: ct);
        Inspection = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, options);
        var recommendations = tracking.ListRecommendationsAsync(new ListRecommendationsRequest { InspectionId = id, PageSize = 200 }, options);
        var progress = Try(() => tracking.ListDueForJudgementAsync(new ListDueForJudgementRequest { InspectionId = id }, options));
        var ratings = Try(() => scoring.GetInspectionRatingsAsync(new GetInspectionRatingsRequest { InspectionId = id }, options));
        var framework = Try(() => scoring.GetFrameworkAsync(new GetFrameworkRequest { InspectionId = id }, options));
        var samples = Try(() => sampling.ListSamplesAsync(new ListSamplesRequest { InspectionId = id }, options));
        var staffing = Try(() => evidence.GetStaffingReturnAsync(new GetStaffingReturnRequest { InspectionId = id }, options));
        var characteristics = Try(() => evidence.GetCaseCharacteristicsAsync(new GetCaseCharacteristicsRequest { InspectionId = id }, options));
        var judgements = Try(() => evidence.GetJudgementsAsync(new GetJudgementsRequest { InspectionId = id }, options));
        Recommendations = (await recommendations).Recommendations.OrderBy(r => r.Number).ToList();
        Progress = await progress;
        Ratings = await ratings is { } r && await framework is { } f ? new RatingsView(r, f) { ForReport = true } : null;
        Sample = (await samples)?.Samples.FirstOrDefault(s => s.Current);
        Staffing = await staffing;
        Characteristics = await characteristics;
        Amendments = ReportAmendment.Collect(Recommendations, Progress, await ratings, await judgements, Inspection);
    }

    private static async Task<T?> Try<T>(Func<AsyncUnaryCall<T>> call) where T : class
    {
        try
        {
            return await call();
        }
        catch (RpcException)
        {
            // Not found (nothing recorded yet) or the service is away: the report says the part is missing.
            return null;
        }
    }
}
