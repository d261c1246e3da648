using Grpc.Core;
using Inspection.Admin.Presentation;
using Inspection.Evidence.V1;
using Inspection.Recommendations.V1;
using Inspection.Sampling.V1;
using Inspection.Scoring.V1;
using CallOptions = Grpc.Core.CallOptions;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Publishing;

/// <summary>
/// Everything the report prints, each part from the service that owns it (a published inspection's ratings as stored
/// at publication, a draft's as computed now); a part whose service is away is null and the report says so. The report
/// page, its PDF and the data annexe read the same record, so their figures are the same.
/// </summary>
public sealed class ReportRecord
{
    public Inspection.Recommendations.V1.Inspection Inspection { get; private init; } = new();
    /// <summary>The provider inspected (for its region); null when recommendation tracking could not say.</summary>
    public Provider? Provider { get; private init; }
    public string Region => Provider?.Region ?? "";
    public InspectionRatings? Ratings { get; private init; }
    public Framework? Framework { get; private init; }
    public IReadOnlyList<Recommendation> Recommendations { get; private init; } = [];
    public ListDueForJudgementResponse? Progress { get; private init; }
    public SampleSummary? Sample { get; private init; }
    public StaffingReturn? Staffing { get; private init; }
    public CaseCharacteristicsTable? Characteristics { get; private init; }
    /// <summary>Changes made after publication, each recorded as a correction by the service that owns it, oldest first.</summary>
    public IReadOnlyList<ReportAmendment> Amendments { get; private init; } = [];

    public bool Published => Inspection.Status.Is(InspectionStatus.Published);

    public RatingsView? RatingsView => Ratings is { } r && Framework is { } f ? new RatingsView(r, f) { ForReport = true } : null;

    public static async Task<ReportRecord> LoadAsync(
        RecommendationTracking.RecommendationTrackingClient tracking, AssessmentScoring.AssessmentScoringClient scoring,
        CaseSampling.CaseSamplingClient sampling, OrganisationalEvidence.OrganisationalEvidenceClient evidence, string id, CancellationToken ct)
    {
        var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(15), cancellationToken: ct);
        var inspection = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, options);
        var provider = Try(() => tracking.GetProviderAsync(new GetProviderRequest { ProviderId = inspection.ProviderId }, options));
        var recommendations = tracking.ListRecommendationsAsync(new ListRecommendationsRequest { InspectionId = id, PageSize = 200 }, options);
        var progress = Try(() => tracking.ListDueForJudgementAsync(new ListDueForJudgementRequest { InspectionId = id }, options));
        var ratings = Try(() => scoring.GetInspectionRatingsAsync(new GetInspectionRatingsRequest { InspectionId = id }, options));
        var framework = Try(() => scoring.GetFrameworkAsync(new GetFrameworkRequest { InspectionId = id }, options));
        var samples = Try(() => sampling.ListSamplesAsync(new ListSamplesRequest { InspectionId = id }, options));
        var staffing = Try(() => evidence.GetStaffingReturnAsync(new GetStaffingReturnRequest { InspectionId = id }, options));
        var characteristics = Try(() => evidence.GetCaseCharacteristicsAsync(new GetCaseCharacteristicsRequest { InspectionId = id }, options));
        var judgements = Try(() => evidence.GetJudgementsAsync(new GetJudgementsRequest { InspectionId = id }, options));
        var listed = (await recommendations).Recommendations.OrderBy(r => r.Number).ToList();
        return new ReportRecord
        {
            Inspection = inspection,
            Provider = await provider,
            Recommendations = listed,
            Progress = await progress,
            Ratings = await ratings,
            Framework = await framework,
            Sample = (await samples)?.Samples.FirstOrDefault(s => s.Current),
            Staffing = await staffing,
            Characteristics = await characteristics,
            Amendments = ReportAmendment.Collect(listed, await progress, await ratings, await judgements, inspection),
        };
    }

    internal static async Task<T?> Try<T>(Func<AsyncUnaryCall<T>> call) where T : class
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
