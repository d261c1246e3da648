using Inspection.ServiceDefaults;
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
    /// <summary>The parts whose service did not answer (away, busy or too slow), as opposed to parts with nothing recorded.</summary>
    public IReadOnlyList<string> Missing { get; private init; } = [];

    /// <summary>
    /// Every service answered. A published report is printed and kept only from a complete record: a version printed
    /// while a service was busy would be kept for good with a part missing (and under the wrong corrections).
    /// </summary>
    public bool Complete => Missing.Count == 0;

    public bool Published => Inspection.Status.Is(InspectionStatus.Published);

    public RatingsView? RatingsView => Ratings is { } r && Framework is { } f ? new RatingsView(r, f) { ForReport = true } : null;

    public static async Task<ReportRecord> LoadAsync(
        RecommendationTracking.RecommendationTrackingClient tracking, AssessmentScoring.AssessmentScoringClient scoring,
        CaseSampling.CaseSamplingClient sampling, OrganisationalEvidence.OrganisationalEvidenceClient evidence, string id, CancellationToken ct)
    {
        var options = new CallOptions(deadline: GrpcDeadlines.After(TimeSpan.FromSeconds(15)), cancellationToken: ct);
        var missing = new System.Collections.Concurrent.ConcurrentQueue<string>();
        Task<T?> Try<T>(string part, Func<AsyncUnaryCall<T>> call) where T : class => TryPart(part, call, missing);
        var inspection = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, options);
        var provider = Try("provider", () => tracking.GetProviderAsync(new GetProviderRequest { ProviderId = inspection.ProviderId }, options));
        var recommendations = tracking.ListRecommendationsAsync(new ListRecommendationsRequest { InspectionId = id, PageSize = 200 }, options);
        var progress = Try("progress", () => tracking.ListDueForJudgementAsync(new ListDueForJudgementRequest { InspectionId = id }, options));
        var ratings = Try("ratings", () => scoring.GetInspectionRatingsAsync(new GetInspectionRatingsRequest { InspectionId = id }, options));
        var framework = Try("framework", () => scoring.GetFrameworkAsync(new GetFrameworkRequest { InspectionId = id }, options));
        var samples = Try("sample", () => sampling.ListSamplesAsync(new ListSamplesRequest { InspectionId = id }, options));
        var staffing = Try("staffing", () => evidence.GetStaffingReturnAsync(new GetStaffingReturnRequest { InspectionId = id }, options));
        var characteristics = Try("characteristics", () => evidence.GetCaseCharacteristicsAsync(new GetCaseCharacteristicsRequest { InspectionId = id }, options));
        var judgements = Try("judgements", () => evidence.GetJudgementsAsync(new GetJudgementsRequest { InspectionId = id }, options));
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
            Missing = [.. missing.Order(StringComparer.Ordinal)],
        };
    }

    /// <summary>A part the caller can go without: null when the service refuses or does not answer.</summary>
    internal static Task<T?> Try<T>(Func<AsyncUnaryCall<T>> call) where T : class => TryPart("", call, new());

    private static async Task<T?> TryPart<T>(string part, Func<AsyncUnaryCall<T>> call, System.Collections.Concurrent.ConcurrentQueue<string> missing) where T : class
    {
        try
        {
            return await call();
        }
        catch (RpcException e)
        {
            // A refusal (nothing recorded yet, not this caller's to see) is an answer; a service away, busy or too slow
            // is not. Either way the report says the part is missing, but only the second makes the record incomplete.
            if (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted
                or StatusCode.Aborted or StatusCode.Internal or StatusCode.Unknown) missing.Enqueue(part);
            return null;
        }
    }
}
