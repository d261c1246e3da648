using Inspection.Recommendations.V1;
using Inspection.Admin.Plans;
using Inspection.Admin.Presentation;
using Inspection.Admin.Publishing;
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
public sealed class IndexModel(
    RecommendationTracking.RecommendationTrackingClient tracking, RecommendationPlans.RecommendationPlansClient plans, RegisterExport export) : PageModel
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
        if (await ReadFiltersAsync(options) is { } refused) return refused;
        var page = PageLinks.FromQuery(PageNumber);
        var reminders = plans.ListRemindersAsync(new ReminderFilter(null, false, false, Provider).ToRequest(1), options);
        var request = Filter();
        request.PageSize = PageSize;
        request.PageToken = PageLinks.TokenFor(page, PageSize);
        var reply = await tracking.ListRecommendationsAsync(request, options);
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

    /// <summary>The register as filtered on screen, every page, as CSV (issue 25).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        await ReadFiltersAsync(new CallOptions(cancellationToken: ct)) ?? File(
            RegisterExport.Csv(await export.ReadAsync(Filter(), FiltersInWords(), ct)), Spreadsheets.CsvType, "recommendations-register.csv");

    /// <summary>The register as filtered on screen, every page, as XLSX with a Key sheet (issue 25).</summary>
    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) =>
        await ReadFiltersAsync(new CallOptions(cancellationToken: ct)) ?? File(
            RegisterExport.Xlsx(await export.ReadAsync(Filter(), FiltersInWords(), ct)), Spreadsheets.XlsxType, "recommendations-register.xlsx");

    /// <summary>The address of an export of what is on screen (every page of it).</summary>
    public string ExportHref(string handler)
    {
        var query = QueryFor(1);
        return "/recommendations" + (query.Length == 0 ? "?" : query + "&") + "handler=" + handler;
    }

    /// <summary>Reads the providers and drops a filter that names nothing (an edited address): a filter matching nothing, not an error page.</summary>
    private async Task<IActionResult?> ReadFiltersAsync(CallOptions options)
    {
        Providers = (await tracking.ListProvidersAsync(new ListProvidersRequest { PageSize = 1000 }, options)).Providers
            .Where(p => !p.Type.Is(ProviderType.NationalBody)).OrderBy(p => p.Name).ToList();
        Regions = Providers.Select(p => p.Region).Where(r => r.Length > 0).Distinct().Order().ToList();
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
        return null;
    }

    /// <summary>The filters as recommendation tracking applies them, without paging.</summary>
    private ListRecommendationsRequest Filter() => new()
    {
        ProviderId = Provider ?? "",
        IncludePredecessors = Predecessors,
        Region = Region?.Trim() ?? "",
        AddresseeGroup = Addressee ?? "",
        LatestJudgement = Judgement ?? "",
        OverdueOnly = Overdue,
        TextContains = Text?.Trim() ?? "",
        InspectionId = Inspection ?? "",
    };

    /// <summary>The filters in words, for the export's first rows.</summary>
    private IReadOnlyList<(string Label, string Value)> FiltersInWords()
    {
        var words = new List<(string, string)>();
        if (Providers.FirstOrDefault(p => p.ProviderId == Provider) is { } provider) words.Add(("Provider", provider.Name + (Predecessors ? ", with its predecessors" : "")));
        if (!string.IsNullOrEmpty(Region)) words.Add(("Region", Region.Trim()));
        if (!string.IsNullOrEmpty(Addressee)) words.Add(("Addressee", ProviderTypes.AddresseeGroupName(Addressee)));
        if (!string.IsNullOrEmpty(Judgement)) words.Add(("Latest judgement", Judgement.Is(LatestJudgement.None) ? "Not yet judged" : Judgement));
        if (Overdue) words.Add(("Improvement plan", "Overdue only"));
        if (!string.IsNullOrWhiteSpace(Text)) words.Add(("Text contains", Text.Trim()));
        if (MadeBy is { } made) words.Add(("Made by the inspection of", $"{made.ProviderName}, fieldwork from {DisplayDate.Format(made.FieldworkStart)}"));
        if (words.Count == 0) words.Add(("Filters", "None: the whole register"));
        return words;
    }

    private string QueryFor(int page) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["provider"] = Provider, ["predecessors"] = Predecessors ? "true" : null, ["region"] = Region, ["addressee"] = Addressee,
            ["judgement"] = Judgement, ["overdue"] = Overdue ? "true" : null, ["text"] = Text, ["inspection"] = Inspection,
            ["p"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
}
