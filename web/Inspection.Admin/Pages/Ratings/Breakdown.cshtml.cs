using Inspection.Admin.Presentation;
using Inspection.Recommendations.V1;
using Inspection.Scoring.V1;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;
using RpcException = Grpc.Core.RpcException;
using GrpcStatus = Grpc.Core.StatusCode;

namespace Inspection.Admin.Pages.Ratings;

/// <summary>
/// Each key question by the values of one case attribute against the rest of the sample, with the relative rate index
/// and Fisher's exact test, as assessment scoring computes them (GetBreakdown).
/// </summary>
public sealed class BreakdownModel(RecommendationTracking.RecommendationTrackingClient tracking, AssessmentScoring.AssessmentScoringClient scoring) : PageModel
{
    public Inspection.Recommendations.V1.Inspection Inspection { get; private set; } = new();
    [BindProperty(SupportsGet = true)] public string? Attribute { get; set; }
    public Breakdown? Result { get; private set; }
    /// <summary>Why there is nothing to break down (an inspection recorded from its published results), as the service says it.</summary>
    public string? NotAvailable { get; private set; }
    public IReadOnlyDictionary<string, KeyQuestion> Questions { get; private set; } = new Dictionary<string, KeyQuestion>();

    public async Task OnGetAsync(string id, CancellationToken ct)
    {
        var options = new CallOptions(cancellationToken: ct);
        var framework = scoring.GetFrameworkAsync(new GetFrameworkRequest { InspectionId = id }, options);
        Inspection = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, options);
        Questions = (await framework).Domains.SelectMany(d => d.Standards).SelectMany(s => s.KeyQuestions)
            .ToDictionary(q => q.QuestionId);
        if (!BreakdownAttributes.IsKnown(Attribute)) Attribute = "gender";
        try
        {
            Result = await scoring.GetBreakdownAsync(new GetBreakdownRequest { InspectionId = id, Attribute = Attribute }, options);
        }
        catch (RpcException e) when (e.StatusCode == GrpcStatus.FailedPrecondition)
        {
            NotAvailable = Forms.ServiceErrors.Refusal(e, global::Inspection.Admin.Status.ServiceNames.AssessmentScoring);
        }
    }

    public string QuestionText(string questionId) => Questions.TryGetValue(questionId, out var q) ? q.Text : "";

    public static string RelativeRate(BreakdownRow row) => row.HasRelativeRateIndex ? row.RelativeRateIndex.ToString("0.00") : "–";

    public static string FisherP(BreakdownRow row) => row.FisherP < 0.001 ? "< 0.001" : row.FisherP.ToString("0.000");
}
