using Inspection.Recommendations.V1;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Pages;

/// <summary>Home: inspections in progress, recommendations overdue, and the national counts of latest progress judgements.</summary>
public sealed class IndexModel(RecommendationTracking.RecommendationTrackingClient tracking) : PageModel
{
    public IReadOnlyList<Inspection.Recommendations.V1.Inspection> InProgress { get; private set; } = [];
    public IReadOnlyList<Recommendation> Overdue { get; private set; } = [];
    public IReadOnlyList<Recommendation> AwaitingJudgement { get; private set; } = [];
    public GetProgressSummaryResponse National { get; private set; } = new();
    public bool TrackingUnavailable { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: ct);
        try
        {
            var inProgress = tracking.ListInspectionsAsync(new ListInspectionsRequest { Status = "planned", PageSize = 50 }, options);
            var overdue = tracking.ListRecommendationsAsync(new ListRecommendationsRequest { OverdueOnly = true, LatestJudgement = "none", PageSize = 20 }, options);
            var awaiting = tracking.ListRecommendationsAsync(new ListRecommendationsRequest { OverdueOnly = true, PageSize = 200 }, options);
            var national = tracking.GetProgressSummaryAsync(new GetProgressSummaryRequest { GroupBy = "region" }, options);
            InProgress = (await inProgress).Inspections;
            Overdue = (await overdue).Recommendations;
            AwaitingJudgement = (await awaiting).Recommendations.Where(r => r.LatestJudgement is not null).ToList();
            National = await national;
        }
        catch (RpcException)
        {
            TrackingUnavailable = true;
        }
    }
}
