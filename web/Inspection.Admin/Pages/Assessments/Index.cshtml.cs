using Grpc.Core;
using Inspection.Recommendations.V1;
using Inspection.Sampling.V1;
using Inspection.Scoring.V1;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;

namespace Inspection.Admin.Pages.Assessments;

/// <summary>Progress through the sample: each case and whether it is assessed, and the moderation list of contradictions.</summary>
public sealed class IndexModel(
    RecommendationTracking.RecommendationTrackingClient tracking, CaseSampling.CaseSamplingClient sampling, AssessmentScoring.AssessmentScoringClient scoring) : PageModel
{
    public Inspection.Recommendations.V1.Inspection Inspection { get; private set; } = new();
    public IReadOnlyList<SampledCase> Cases { get; private set; } = [];
    public IReadOnlyDictionary<string, CaseAssessment> Assessed { get; private set; } = new Dictionary<string, CaseAssessment>();
    /// <summary>Assessments kept but not counted: their case was substituted out, or they belong to an earlier sample.</summary>
    public IReadOnlyList<CaseAssessment> SetAside { get; private set; } = [];
    public IReadOnlyList<ModerationFlag> Flags { get; private set; } = [];
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }
    public Presentation.PageLinks CasePages { get; private set; } = Presentation.PageLinks.For(1, Presentation.PageLinks.CasesPerPage, 0, _ => "");

    public async Task OnGetAsync(string id, CancellationToken ct)
    {
        var options = new CallOptions(cancellationToken: ct);
        Inspection = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, options);
        var cases = new List<SampledCase>();
        await foreach (var c in sampling.ListSampleCases(new ListSampleCasesRequest { InspectionId = id }, options).ResponseStream.ReadAllAsync(ct)) cases.Add(c);
        Cases = cases;
        CasePages = Presentation.PageLinks.For(Presentation.PageLinks.FromQuery(PageNumber), Presentation.PageLinks.CasesPerPage, cases.Count, n => $"/inspections/{id}/assessments?p={n}");
        var assessed = new Dictionary<string, CaseAssessment>();
        var setAside = new List<CaseAssessment>();
        var token = "";
        do
        {
            var page = await scoring.ListCaseAssessmentsAsync(new ListCaseAssessmentsRequest { InspectionId = id, PageSize = 200, PageToken = token }, options);
            foreach (var a in page.CaseAssessments)
            {
                if (a.SetAside) setAside.Add(a);
                else assessed[a.CaseReference] = a;
            }
            token = page.NextPageToken;
        } while (token.Length > 0);
        Assessed = assessed;
        SetAside = setAside;
        Flags = (await scoring.ListModerationFlagsAsync(new ListModerationFlagsRequest { InspectionId = id }, options)).Flags;
    }
}
