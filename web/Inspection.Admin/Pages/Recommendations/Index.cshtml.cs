using Inspection.Recommendations.V1;
using Inspection.Admin.Plans;
using Inspection.Admin.Presentation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;
using GrpcStatus = Grpc.Core.StatusCode;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Pages.Recommendations;

/// <summary>
/// The recommendations tracker: every recommendation, filtered by provider (with its predecessors), region,
/// addressee, latest judgement, overdue improvement plan and text, a page at a time. Every filter is applied by
/// recommendation tracking, so the pages and the total count what matches. Above them, the reminders' counts (for the
/// provider filtered on) lead to the reminders page, beside what providers said against what was found.
/// </summary>
public sealed class IndexModel(RecommendationTracking.RecommendationTrackingClient tracking, RecommendationPlans.RecommendationPlansClient plans) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? Provider { get; set; }
    [BindProperty(SupportsGet = true)] public bool Predecessors { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Addressee { get; set; }
    [BindProperty(SupportsGet = true)] public string? Judgement { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Text { get; set; }
    [BindProperty(SupportsGet = true)] public string? Inspection { get; set; }
    // "p", not "page": Razor Pages keeps the route value "page" for the page itself.
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public IReadOnlyList<Provider> Providers { get; private set; } = [];
    public IReadOnlyList<string> Regions { get; private set; } = [];
    public IReadOnlyList<Recommendation> Recommendations { get; private set; } = [];
    public PageLinks Pages { get; private set; } = PageLinks.For(1, PageSize, 0, _ => "/recommendations");
    /// <summary>The inspection named by the inspection filter, when there is one.</summary>
    public Inspection.Recommendations.V1.Inspection? MadeBy { get; private set; }

    /// <summary>The reminders' counts for the provider filtered on (every provider when none); null when they could not be read.</summary>
    public ListRemindersResponse? Reminders { get; private set; }

    /// <summary>The reminders page for the provider filtered on.</summary>
    public string RemindersHref => "/recommendations/reminders" + new ReminderFilter(null, false, false, Provider).Query();

    public static readonly IReadOnlyList<string> JudgementChoices = WireWords.ProgressWords.Words;

    public bool AnyFilter =>
        !string.IsNullOrEmpty(Provider) || Predecessors || !string.IsNullOrEmpty(Region) || !string.IsNullOrEmpty(Addressee)
        || !string.IsNullOrEmpty(Judgement) || Overdue || !string.IsNullOrWhiteSpace(Text) || !string.IsNullOrEmpty(Inspection);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var options = new CallOptions(cancellationToken: ct);
        Providers = (await tracking.ListProvidersAsync(new ListProvidersRequest { PageSize = 1000 }, options)).Providers
            .Where(p => !p.Type.Is(ProviderType.NationalBody)).OrderBy(p => p.Name).ToList();
        Regions = Providers.Select(p => p.Region).Where(r => r.Length > 0).Distinct().Order().ToList();
        // A provider or inspection id that is not one (an edited address) is a filter matching nothing, not an error page.
        if (!string.IsNullOrEmpty(Provider) && Providers.All(p => p.ProviderId != Provider)) Provider = null;
        if (!Guid.TryParse(Inspection, out _)) Inspection = null;
        if (Addressee is { Length: > 0 } && ProviderTypes.AddresseeGroups.All(g => g.Code != Addressee)) Addressee = null;
        if (Judgement is { Length: > 0 } && !Judgement.Is(LatestJudgement.None) && !JudgementChoices.Contains(Judgement)) Judgement = null;
        if (string.IsNullOrEmpty(Provider)) Predecessors = false;
        if (Region is { Length: > 200 }) Region = null;
        if (Inspection is not null)
        {
            try
            {
                MadeBy = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = Inspection }, options);
            }
            catch (RpcException e) when (e.StatusCode == GrpcStatus.NotFound)
            {
                return NotFound();
            }
        }
        var page = PageLinks.FromQuery(PageNumber);
        var reminders = plans.ListRemindersAsync(new ReminderFilter(null, false, false, Provider).ToRequest(1), options);
        var reply = await tracking.ListRecommendationsAsync(new ListRecommendationsRequest
        {
            ProviderId = Provider ?? "",
            IncludePredecessors = Predecessors,
            Region = Region?.Trim() ?? "",
            AddresseeGroup = Addressee ?? "",
            LatestJudgement = Judgement ?? "",
            OverdueOnly = Overdue,
            TextContains = Text?.Trim() ?? "",
            InspectionId = Inspection ?? "",
            PageSize = PageSize,
            PageToken = PageLinks.TokenFor(page, PageSize),
        }, options);
        Recommendations = reply.Recommendations;
        try
        {
            Reminders = await reminders;
        }
        catch (RpcException)
        {
            Reminders = null;
        }
        Pages = PageLinks.For(page, PageSize, reply.Total, n => "/recommendations" + QueryFor(n));
        return Page();
    }

    private string QueryFor(int page) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["provider"] = Provider, ["predecessors"] = Predecessors ? "true" : null, ["region"] = Region, ["addressee"] = Addressee,
            ["judgement"] = Judgement, ["overdue"] = Overdue ? "true" : null, ["text"] = Text, ["inspection"] = Inspection,
            ["p"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
}
