using Inspection.Admin.Plans;
using Inspection.Recommendations.V1;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;

namespace Inspection.Admin.Pages.Recommendations;

/// <summary>One recommendation and its progress record across inspections, with its plan (issue 23), as one timeline naming people, not e-mails.</summary>
public sealed class DetailsModel(
    RecommendationTracking.RecommendationTrackingClient tracking, RecommendationPlans.RecommendationPlansClient plans, RecommendationTimeline timeline) : PageModel
{
    public RecommendationPlan Plan { get; private set; } = new();
    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    public Recommendation Recommendation { get; private set; } = new();
    public IReadOnlyDictionary<string, Inspection.Recommendations.V1.Inspection> Inspections { get; private set; } = new Dictionary<string, Inspection.Recommendations.V1.Inspection>();

    /// <summary>
    /// Restructures that carried the recommendation across to a successor (the June 2021 unification of probation
    /// services, say): each a step of its progress record, between the inspection that made it and the successor's.
    /// </summary>
    public IReadOnlyList<LineageLink> CarriedAcross { get; private set; } = [];

    public async Task OnGetAsync(string id, CancellationToken ct)
    {
        var options = new CallOptions(cancellationToken: ct);
        Recommendation = await tracking.GetRecommendationAsync(new GetRecommendationRequest { RecommendationId = id }, options);
        var ids = Recommendation.History.Select(h => h.InspectionId).Append(Recommendation.InspectionId).Distinct().ToList();
        var found = await Task.WhenAll(ids.Select(i => tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = i }, options).ResponseAsync));
        Inspections = found.ToDictionary(i => i.InspectionId);
        Links = await tracking.GetRecommendationLinksAsync(new GetRecommendationLinksRequest { RecommendationId = id }, options);
        var lineage = await tracking.GetLineageAsync(new GetLineageRequest { ProviderId = Recommendation.AddresseeProviderId }, options);
        CarriedAcross = lineage.Successors.Where(s => s.Generation == 1).OrderBy(s => s.EffectiveOn, StringComparer.Ordinal).ToList();
        Plan = await plans.GetRecommendationPlanAsync(new GetRecommendationPlanRequest { RecommendationId = id }, options);
        Timeline = await timeline.BuildAsync(Recommendation, Plan, Inspections, CarriedAcross, InspectionName);
    }

    /// <summary>The standards and key questions it is about (issue 23).</summary>
    public RecommendationLinks Links { get; private set; } = new();

    public string InspectionName(string inspectionId) =>
        Inspections.TryGetValue(inspectionId, out var i) ? $"the inspection of {i.ProviderName}" : "an inspection";
}
