using Inspection.Admin.Presentation;
using Inspection.Recommendations.V1;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;

namespace Inspection.Admin.Pages.Recommendations;

/// <summary>
/// Progress against recommendations over time, for a provider (with its predecessors) or for a region: judgements by
/// year of the inspection that made them, as a chart and a table.
/// </summary>
public sealed class ProgressModel(RecommendationTracking.RecommendationTrackingClient tracking) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Provider { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    public Provider? ProviderRecord { get; private set; }
    public ProgressOverTime? Chart { get; private set; }
    /// <summary>Regions that have progress judgements, to choose from.</summary>
    public IReadOnlyList<string> Regions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var options = new CallOptions(cancellationToken: ct);
        var regions = tracking.GetProgressSummaryAsync(new GetProgressSummaryRequest { GroupBy = "region" }, options);
        if (!string.IsNullOrEmpty(Provider))
        {
            ProviderRecord = await tracking.GetProviderAsync(new GetProviderRequest { ProviderId = Provider }, options);
            var summary = await tracking.GetProgressSummaryAsync(new GetProgressSummaryRequest { ProviderId = Provider, GroupBy = "year" }, options);
            Chart = new ProgressOverTime($"Progress against recommendations to {ProviderRecord.Name} and its predecessors, by year",
                Describe(summary), summary);
        }
        else if (!string.IsNullOrWhiteSpace(Region))
        {
            Region = Region.Trim();
            var summary = await RegionByYearAsync(Region, options);
            Chart = new ProgressOverTime($"Progress against recommendations to providers in {Region}, by year", Describe(summary), summary);
        }
        Regions = (await regions).Rows.Where(r => r.Key.Length > 0).Select(r => r.Key).ToList();
    }

    /// <summary>
    /// Recommendation tracking counts by region or by year, not both: each inspection's judgements by the addressee's
    /// region, this region's row kept, added up by the year of that inspection.
    /// </summary>
    private async Task<GetProgressSummaryResponse> RegionByYearAsync(string region, CallOptions options)
    {
        var inspections = new List<Inspection.Recommendations.V1.Inspection>();
        var page = new ListInspectionsRequest { PageSize = 200 };
        do
        {
            var response = await tracking.ListInspectionsAsync(page, options);
            inspections.AddRange(response.Inspections);
            page.PageToken = response.NextPageToken;
        } while (!string.IsNullOrEmpty(page.PageToken));

        var summaries = await Task.WhenAll(inspections.Select(async i =>
            (Inspection: i, Summary: await tracking.GetProgressSummaryAsync(new GetProgressSummaryRequest { InspectionId = i.InspectionId, GroupBy = "region" }, options))));
        var scale = (await tracking.GetProgressSummaryAsync(new GetProgressSummaryRequest { GroupBy = "region" }, options)).ProgressScale;
        var rows = summaries
            .SelectMany(s => s.Summary.Rows.Where(r => string.Equals(r.Key, region, StringComparison.OrdinalIgnoreCase)).Select(r => (Year: YearOf(s.Inspection), Row: r)))
            .ToList();
        return ProgressOverTime.ByYear(scale, rows);
    }

    private static string YearOf(Inspection.Recommendations.V1.Inspection inspection)
    {
        var date = string.IsNullOrEmpty(inspection.FieldworkStart) ? inspection.PublishedOn : inspection.FieldworkStart;
        return date.Length >= 4 ? date[..4] : "";
    }

    private static string Describe(GetProgressSummaryResponse summary) => summary.Rows.Count == 0
        ? "No progress judgement is recorded."
        : string.Join(" ", summary.Rows.Select(r => $"{r.Label}: {string.Join(", ", r.Counts.Select(c => $"{c.Count} {c.Judgement}"))}."));
}
