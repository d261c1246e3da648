using Inspection.Recommendations.V1;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;

namespace Inspection.Admin.Pages.Recommendations;

/// <summary>
/// The recommendations tracker: every recommendation, filtered by provider (with its predecessors), region,
/// addressee, latest judgement, overdue and text. Region is applied here over the providers of that region, since
/// recommendations are tracked against providers.
/// </summary>
public sealed class IndexModel(RecommendationTracking.RecommendationTrackingClient tracking) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Provider { get; set; }
    [BindProperty(SupportsGet = true)] public bool Predecessors { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Addressee { get; set; }
    [BindProperty(SupportsGet = true)] public string? Judgement { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Text { get; set; }
    [BindProperty(SupportsGet = true)] public string? Inspection { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public string? PageToken { get; set; }

    public IReadOnlyList<Provider> Providers { get; private set; } = [];
    public IReadOnlyList<string> Regions { get; private set; } = [];
    public IReadOnlyList<Recommendation> Recommendations { get; private set; } = [];
    public string NextPage { get; private set; } = "";

    public static readonly IReadOnlyList<string> JudgementChoices = ["No progress", "Some progress", "Sufficient progress"];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var options = new CallOptions(cancellationToken: ct);
        Providers = (await tracking.ListProvidersAsync(new ListProvidersRequest { PageSize = 1000 }, options)).Providers
            .Where(p => p.Type != "national_body").OrderBy(p => p.Name).ToList();
        Regions = Providers.Select(p => p.Region).Where(r => r.Length > 0).Distinct().Order().ToList();
        var reply = await tracking.ListRecommendationsAsync(new ListRecommendationsRequest
        {
            ProviderId = Provider ?? "",
            IncludePredecessors = Predecessors,
            AddresseeGroup = Addressee ?? "",
            LatestJudgement = Judgement ?? "",
            OverdueOnly = Overdue,
            TextContains = Text?.Trim() ?? "",
            InspectionId = Inspection ?? "",
            PageSize = 100,
            PageToken = PageToken ?? "",
        }, options);
        var inRegion = string.IsNullOrEmpty(Region) ? null : Providers.Where(p => p.Region == Region).Select(p => p.ProviderId).ToHashSet();
        Recommendations = reply.Recommendations
            .Where(r => inRegion is null || inRegion.Contains(r.ProviderId) || inRegion.Contains(r.AddresseeProviderId))
            .ToList();
        NextPage = reply.NextPageToken;
    }

    public string NextPageUrl() =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["provider"] = Provider, ["predecessors"] = Predecessors ? "true" : null, ["region"] = Region, ["addressee"] = Addressee,
            ["judgement"] = Judgement, ["overdue"] = Overdue ? "true" : null, ["text"] = Text, ["inspection"] = Inspection, ["from"] = NextPage,
        }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
}
