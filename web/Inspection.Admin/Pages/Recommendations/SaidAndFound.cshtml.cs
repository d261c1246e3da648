using Inspection.Recommendations.V1;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;

namespace Inspection.Admin.Pages.Recommendations;

/// <summary>
/// What providers said against what the inspectorate found (issue 23), from the tracker: of the recommendations a
/// provider reported Complete or On track before the next inspection looked, how many were then judged No progress or
/// Some progress, per provider and per region, in counts and percentages written out.
/// </summary>
public sealed class SaidAndFoundModel(RecommendationPlans.RecommendationPlansClient plans) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }

    public SaidAgainstFound Found { get; private set; } = new();
    /// <summary>Regions with figures, to choose from (read without the region filter).</summary>
    public IReadOnlyList<string> Regions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var options = new CallOptions(cancellationToken: ct);
        var all = await plans.GetSaidAgainstFoundAsync(new GetSaidAgainstFoundRequest(), options);
        Regions = all.ByRegion.Select(r => r.Key).Where(r => r.Length > 0).Order().ToList();
        if (Regions.FirstOrDefault(r => string.Equals(r, Region?.Trim(), StringComparison.OrdinalIgnoreCase)) is { } region)
        {
            Region = region;
            Found = await plans.GetSaidAgainstFoundAsync(new GetSaidAgainstFoundRequest { Region = region }, options);
        }
        else
        {
            Region = null;
            Found = all;
        }
    }
}
