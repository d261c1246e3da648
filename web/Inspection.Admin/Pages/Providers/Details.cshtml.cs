using Inspection.Admin.Presentation;
using Inspection.Recommendations.V1;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;

namespace Inspection.Admin.Pages.Providers;

public sealed class DetailsModel(RecommendationTracking.RecommendationTrackingClient tracking, Publishing.OpenDataExport openData) : PageModel
{
    /// <summary>The published ratings of the provider and its predecessors (the open data's time series); null when
    /// assessment scoring did not answer.</summary>
    public IReadOnlyList<Inspection.OpenData.V1.RatingHistoryRow>? RatingHistory { get; private set; }

    public Lineage Lineage { get; private set; } = new();
    public IReadOnlyList<Inspection.Recommendations.V1.Inspection> Inspections { get; private set; } = [];
    public GetProgressSummaryResponse Progress { get; private set; } = new();

    public async Task OnGetAsync(string id, CancellationToken ct)
    {
        var options = new CallOptions(cancellationToken: ct);
        Lineage = await tracking.GetLineageAsync(new GetLineageRequest { ProviderId = id }, options);
        var inspections = tracking.ListInspectionsAsync(new ListInspectionsRequest { ProviderId = id, IncludePredecessors = true, PageSize = 200 }, options);
        var progress = tracking.GetProgressSummaryAsync(new GetProgressSummaryRequest { ProviderId = id, GroupBy = "year" }, options);
        var history = openData.RatingHistoryAsync(id, ct);
        Inspections = (await inspections).Inspections;
        Progress = await progress;
        try
        {
            RatingHistory = (await history).Rows;
        }
        catch (Grpc.Core.RpcException)
        {
            RatingHistory = null;
        }
    }

    public BarChart ProgressChart() => new(
        $"Progress judgements of recommendations to {Lineage.Provider.Name} and its predecessors, by year",
        "For each year, how many recommendations were judged No progress, Some progress and Sufficient progress.",
        Progress.ProgressScale,
        Progress.Rows.Select(r => new BarGroup(r.Label, r.Counts.Select(c => (double)c.Count).ToList())).ToList());
}
