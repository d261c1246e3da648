using Grpc.Core;
using Inspection.Evidence.V1;
using Inspection.Sampling.V1;
using Inspection.Scoring.V1;
using CallOptions = Grpc.Core.CallOptions;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Dashboard;

/// <summary>
/// How far an inspection has got: cases assessed of the sample, domain-one standards with a final judgement, and
/// earlier recommendations judged of those due. Null parts mean the service holding them did not answer.
/// </summary>
public sealed record InspectionProgress(
    int? SampleSize, int? CasesAssessed, int? CasesInProgress, int? StandardsJudged, int? Standards, int? RecommendationsJudged, int? RecommendationsDue)
{
    public int? RecommendationsAwaitingJudgement => RecommendationsDue - RecommendationsJudged;
}

/// <summary>
/// The one place the home page's progress figures are computed. "Assessed" is, for now, what assessment scoring
/// counts as a case assessment (<c>ListCaseAssessments.total</c>: any recorded assessment); when the service counts
/// complete and in-progress cases separately, only <see cref="CasesAsync"/> changes.
/// </summary>
public sealed class InspectionProgressReader(
    Inspection.Recommendations.V1.RecommendationTracking.RecommendationTrackingClient tracking,
    CaseSampling.CaseSamplingClient sampling,
    AssessmentScoring.AssessmentScoringClient scoring,
    OrganisationalEvidence.OrganisationalEvidenceClient evidence)
{
    public async Task<InspectionProgress> ReadAsync(string inspectionId, CallOptions options)
    {
        var cases = CasesAsync(inspectionId, options);
        var standards = Try(() => evidence.ListOrganisationalStandardsAsync(new ListOrganisationalStandardsRequest { InspectionId = inspectionId }, options));
        var judgements = Try(() => evidence.GetJudgementsAsync(new GetJudgementsRequest { InspectionId = inspectionId }, options));
        var due = Try(() => tracking.ListDueForJudgementAsync(new Inspection.Recommendations.V1.ListDueForJudgementRequest { InspectionId = inspectionId }, options));
        var (size, assessed, inProgress) = await cases;
        var (standardList, judgementList, dueList) = (await standards, await judgements, await due);
        return new InspectionProgress(
            size, assessed, inProgress,
            judgementList?.Judgements.Count(j => j.State.Is(JudgementState.Final)), standardList?.Standards.Count,
            dueList?.Recommendations.Count(r => r.JudgementAtThisInspection is not null), dueList?.Recommendations.Count);
    }

    /// <summary>The current sample's size, the cases counted as assessed, and (not yet given by the service) those in progress.</summary>
    private async Task<(int? Size, int? Assessed, int? InProgress)> CasesAsync(string inspectionId, CallOptions options)
    {
        var samples = Try(() => sampling.ListSamplesAsync(new ListSamplesRequest { InspectionId = inspectionId }, options));
        var assessments = Try(() => scoring.ListCaseAssessmentsAsync(new ListCaseAssessmentsRequest { InspectionId = inspectionId, PageSize = 1 }, options));
        var current = (await samples)?.Samples.FirstOrDefault(s => s.Current);
        var listed = await assessments;
        // Assessments set aside (a substituted case, an earlier sample) are kept but not counted.
        var counted = listed is null ? (int?)null : listed.Total - listed.SetAside;
        if (await samples is null) return (null, counted, null);
        return (current?.Size ?? 0, counted, null);
    }

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
