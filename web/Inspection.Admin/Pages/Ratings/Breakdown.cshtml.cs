using Inspection.Admin.Presentation;
using Inspection.Contracts.Vocabularies;
using Inspection.Domain.Vocabularies;
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
/// and its interval, and Fisher's exact test adjusted for the comparisons on the page, as assessment scoring computes
/// them (GetBreakdown). "Significant" here is always after adjustment; the unadjusted p is shown beside it.
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

    /// <summary>The index's 95% interval as an inspector reads it, or why there is none.</summary>
    public static string RateInterval(BreakdownRow row) =>
        row.HasRelativeRateIndexLower && row.HasRelativeRateIndexUpper
            ? $"({row.RelativeRateIndexLower:0.00} to {row.RelativeRateIndexUpper:0.00})"
            : "(no interval without a Yes answer in the group and in the rest)";

    public static string FisherP(BreakdownRow row) => P(row.FisherP);

    public static string AdjustedP(BreakdownRow row) => row.HasAdjustedP ? P(row.AdjustedP) : "–";

    /// <summary>"12 comparisons": how many tests the adjusted p-values allow for.</summary>
    public static string Comparisons(Breakdown breakdown) =>
        breakdown.Comparisons == 1 ? "1 comparison" : $"{breakdown.Comparisons} comparisons";

    /// <summary>"once 12 comparisons are allowed for"; a single comparison needs no allowance.</summary>
    public static string AllowedFor(Breakdown breakdown) =>
        breakdown.Comparisons == 1 ? "the only comparison on the page" : $"once {breakdown.Comparisons} comparisons are allowed for";

    /// <summary>The adjustment's name in a sentence, and what it holds.</summary>
    public static string Method(Breakdown breakdown) => breakdown.AdjustmentMethod.As<AdjustmentMethod>() switch
    {
        AdjustmentMethod.Holm => "Holm's method, so the chance that any difference on the page is called significant by chance alone stays below 1 in 20",
        AdjustmentMethod.BenjaminiHochberg => "Benjamini and Hochberg's method, so at most 1 in 20 of the differences called significant is expected to be chance",
        _ => breakdown.AdjustmentMethod,
    };

    private static string P(double p) => p < 0.001 ? "< 0.001" : p.ToString("0.000");
}
