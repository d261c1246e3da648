using Grpc.Core;
using Inspection.Evidence.V1;
using Inspection.Recommendations.V1;
using Inspection.Scoring.V1;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Pages.Evidence;

/// <summary>
/// Organisational evidence of an inspection: items by standard and key question, the staffing return, survey results,
/// and each domain-one judgement with what the decision rules allow shown beside it (from assessment scoring).
/// </summary>
public sealed class IndexModel(
    RecommendationTracking.RecommendationTrackingClient tracking,
    OrganisationalEvidence.OrganisationalEvidenceClient evidence,
    AssessmentScoring.AssessmentScoringClient scoring) : PageModel
{
    public Inspection.Recommendations.V1.Inspection Inspection { get; private set; } = new();
    public ListOrganisationalStandardsResponse Standards { get; private set; } = new();
    public IReadOnlyList<EvidenceItem> Items { get; private set; } = [];
    public IReadOnlyDictionary<string, Judgement> Judgements { get; private set; } = new Dictionary<string, Judgement>();
    public IReadOnlyDictionary<string, StandardRating> Rules { get; private set; } = new Dictionary<string, StandardRating>();
    public StaffingReturn? Staffing { get; private set; }
    public IReadOnlyList<SurveyResult> Surveys { get; private set; } = [];
    public CaseCharacteristicsTable? Characteristics { get; private set; }

    public async Task OnGetAsync(string id, CancellationToken ct)
    {
        var options = new CallOptions(cancellationToken: ct);
        Inspection = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, options);
        var standards = evidence.ListOrganisationalStandardsAsync(new ListOrganisationalStandardsRequest { InspectionId = id }, options);
        var items = evidence.ListEvidenceAsync(new ListEvidenceRequest { InspectionId = id }, options);
        var judgements = evidence.GetJudgementsAsync(new GetJudgementsRequest { InspectionId = id }, options);
        var surveys = evidence.ListSurveyResultsAsync(new ListSurveyResultsRequest { InspectionId = id }, options);
        var staffing = Try(() => evidence.GetStaffingReturnAsync(new GetStaffingReturnRequest { InspectionId = id }, options));
        var characteristics = Try(() => evidence.GetCaseCharacteristicsAsync(new GetCaseCharacteristicsRequest { InspectionId = id }, options));
        var ratings = Try(() => scoring.GetInspectionRatingsAsync(new GetInspectionRatingsRequest { InspectionId = id }, options));
        Standards = await standards;
        Items = (await items).Items;
        Judgements = (await judgements).Judgements.ToDictionary(j => j.StandardId);
        Surveys = (await surveys).Results;
        Staffing = await staffing;
        Characteristics = await characteristics;
        Rules = (await ratings)?.Standards.ToDictionary(s => s.StandardId) ?? new Dictionary<string, StandardRating>();
    }

    public IEnumerable<EvidenceItem> ItemsOf(string standardId, string keyQuestionId) =>
        Items.Where(i => i.StandardId == standardId && i.KeyQuestionId == keyQuestionId);

    /// <summary>Null when there is nothing yet (NOT_FOUND, or ratings the inspection's state cannot give); any other refusal is the page's.</summary>
    private static async Task<T?> Try<T>(Func<AsyncUnaryCall<T>> call) where T : class
    {
        try
        {
            return await call();
        }
        catch (RpcException e) when (e.StatusCode is global::Grpc.Core.StatusCode.NotFound or global::Grpc.Core.StatusCode.FailedPrecondition)
        {
            return null;
        }
    }
}
