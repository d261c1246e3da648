using Inspection.Recommendations.V1;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;

namespace Inspection.Admin.Pages.Recommendations;

/// <summary>One recommendation and its progress record across inspections, as a timeline naming people, not e-mails.</summary>
public sealed class DetailsModel(RecommendationTracking.RecommendationTrackingClient tracking) : PageModel
{
    public Recommendation Recommendation { get; private set; } = new();
    public IReadOnlyDictionary<string, Inspection.Recommendations.V1.Inspection> Inspections { get; private set; } = new Dictionary<string, Inspection.Recommendations.V1.Inspection>();

    public async Task OnGetAsync(string id, CancellationToken ct)
    {
        var options = new CallOptions(cancellationToken: ct);
        Recommendation = await tracking.GetRecommendationAsync(new GetRecommendationRequest { RecommendationId = id }, options);
        var ids = Recommendation.History.Select(h => h.InspectionId).Append(Recommendation.InspectionId).Distinct().ToList();
        var found = await Task.WhenAll(ids.Select(i => tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = i }, options).ResponseAsync));
        Inspections = found.ToDictionary(i => i.InspectionId);
        Links = await tracking.GetRecommendationLinksAsync(new GetRecommendationLinksRequest { RecommendationId = id }, options);
    }

    /// <summary>The standards and key questions it is about (issue 23).</summary>
    public RecommendationLinks Links { get; private set; } = new();

    public string InspectionName(string inspectionId) =>
        Inspections.TryGetValue(inspectionId, out var i) ? $"the inspection of {i.ProviderName}" : "an inspection";
}
