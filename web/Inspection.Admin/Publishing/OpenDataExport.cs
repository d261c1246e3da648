using Inspection.ServiceDefaults;
using System.Globalization;
using System.Text;
using Google.Protobuf;
using Inspection.OpenData.V1;
using CallOptions = Grpc.Core.CallOptions;

namespace Inspection.Admin.Publishing;

/// <summary>
/// The national open data as files (issue 25, item 4): the ratings time series and the implementation rates, read
/// from the same RPCs anyone reads over HTTP (assessment scoring's NationalRatings, recommendation tracking's
/// RecommendationOutcomes), to CSV, XLSX (a Key sheet first) and JSON (the RPC's answer as the HTTP JSON gives it), so
/// every output carries the same figures. Column names are stable and listed in the README.
/// </summary>
public sealed class OpenDataExport(NationalRatings.NationalRatingsClient ratings, RecommendationOutcomes.RecommendationOutcomesClient outcomes, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> RatingColumns =
    [
        "inspection_id", "provider_id", "provider", "lineage_id", "lineage", "region", "framework_id", "published_on", "standard_id", "standard",
        "rating", "previous_rating", "previous_standard_id", "previous_inspection_id", "previous_provider_id", "previous_published_on",
        "previous_basis", "previous_note",
    ];

    public static readonly IReadOnlyList<string> RateColumns =
        ["year_made", "addressee_group", "region", "made", "judged", "sufficient", "rate_pct", "wilson_lower_pct", "wilson_upper_pct"];

    public static readonly IReadOnlyList<KeyEntry> Key =
    [
        new("Ratings", "inspection_id", "The published inspection."),
        new("Ratings", "provider_id", "The provider it inspected."),
        new("Ratings", "provider", "The provider's name."),
        new("Ratings", "lineage_id", "The line the provider continues: the first provider of the line (a provider formed from exactly one predecessor continues its line; one formed from none or several starts its own). The same across restructures that continue it."),
        new("Ratings", "lineage", "That first provider's name."),
        new("Ratings", "region", "The provider's region."),
        new("Ratings", "framework_id", "The programme the inspection followed."),
        new("Ratings", "published_on", "When the report was published (YYYY-MM-DD)."),
        new("Ratings", "standard_id", "The standard rated."),
        new("Ratings", "standard", "The standard's name."),
        new("Ratings", "rating", "The published rating (as stored at publication, or as corrected since)."),
        new("Ratings", "previous_rating", "The same standard's rating at the provider's latest earlier inspection or, when it has none, its predecessor's; empty when there is none (previous_basis says why)."),
        new("Ratings", "previous_standard_id", "The standard the previous rating is of: the counterpart under the earlier programme."),
        new("Ratings", "previous_inspection_id", "The earlier inspection."),
        new("Ratings", "previous_provider_id", "The provider it inspected (the same provider or a predecessor)."),
        new("Ratings", "previous_published_on", "When its report was published (YYYY-MM-DD)."),
        new("Ratings", "previous_basis", "same_provider, predecessor, several_predecessors (formed from more than one: no one previous rating), no_counterpart (the earlier programme has no corresponding standard) or no_earlier_inspection."),
        new("Ratings", "previous_note", "Why the previous rating is what it is, or why there is none, in words."),
        new("Implementation", "year_made", "The year the inspection that made the recommendations was published."),
        new("Implementation", "addressee_group", "provider, region, hmpps or moj."),
        new("Implementation", "region", "The inspected provider's region."),
        new("Implementation", "made", "Recommendations made."),
        new("Implementation", "judged", "Of those, judged at the next inspection (the first published inspection that judged them)."),
        new("Implementation", "sufficient", "Of those judged, judged Sufficient progress there."),
        new("Implementation", "rate_pct", "sufficient / judged, in percent to one decimal place (0 when none is judged)."),
        new("Implementation", "wilson_lower_pct", "The 95% Wilson score interval of the rate, lower end, in percentage points."),
        new("Implementation", "wilson_upper_pct", "The same interval's upper end."),
    ];

    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithIndentation());

    /// <summary>Every row of the time series (every page), optionally of one provider and its predecessors.</summary>
    public async Task<ListRatingHistoryResponse> RatingHistoryAsync(string? providerId, CancellationToken ct)
    {
        var options = new CallOptions(deadline: GrpcDeadlines.After(TimeSpan.FromSeconds(60)), cancellationToken: ct);
        var all = new ListRatingHistoryResponse();
        var request = new ListRatingHistoryRequest { ProviderId = providerId ?? "", PageSize = 5000 };
        while (true)
        {
            var page = await ratings.ListRatingHistoryAsync(request, options);
            all.Rows.AddRange(page.Rows);
            all.TotalRows = page.TotalRows;
            if (string.IsNullOrEmpty(page.NextPageToken)) return all;
            request.PageToken = page.NextPageToken;
        }
    }

    public async Task<ListImplementationRatesResponse> ImplementationRatesAsync(CancellationToken ct) =>
        await outcomes.ListImplementationRatesAsync(new ListImplementationRatesRequest(),
            new CallOptions(deadline: GrpcDeadlines.After(TimeSpan.FromSeconds(60)), cancellationToken: ct));

    public static Table RatingTable(ListRatingHistoryResponse history) => new("Ratings", RatingColumns, history.Rows.Select(r => new object?[]
    {
        r.InspectionId, r.ProviderId, r.ProviderName, r.LineageId, r.LineageName, r.Region, r.FrameworkId, r.PublishedOn, r.StandardId, r.StandardName,
        r.Rating, Empty(r.PreviousRating), Empty(r.PreviousStandardId), Empty(r.PreviousInspectionId), Empty(r.PreviousProviderId),
        Empty(r.PreviousPublishedOn), r.PreviousBasis, r.PreviousNote,
    }).ToList());

    public static Table RateTable(ListImplementationRatesResponse rates) => new("Implementation", RateColumns, rates.Rates.Select(r => new object?[]
    {
        r.YearMade, r.AddresseeGroup, r.Region, r.Made, r.Judged, r.Sufficient, r.RatePct, r.WilsonLowerPct, r.WilsonUpperPct,
    }).ToList());

    /// <summary>One file of the open data: <paramref name="dataset"/> ratings or implementation, <paramref name="format"/> csv, xlsx or json; null for any other.</summary>
    public async Task<(byte[] Content, string Type, string Name)?> FileAsync(string? dataset, string? format, CancellationToken ct)
    {
        if (dataset is not ("ratings" or "implementation") || format is not ("csv" or "xlsx" or "json")) return null;
        var asOf = clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        IMessage message = dataset == "ratings" ? await RatingHistoryAsync(null, ct) : await ImplementationRatesAsync(ct);
        var table = message is ListRatingHistoryResponse history ? RatingTable(history) : RateTable((ListImplementationRatesResponse)message);
        var name = dataset == "ratings" ? "national-ratings-time-series" : "recommendation-implementation-rates";
        return format switch
        {
            "csv" => (Spreadsheets.Csv(table), Spreadsheets.CsvType, name + ".csv"),
            "xlsx" => (Spreadsheets.Xlsx([("As of", asOf)], Key.Where(k => k.Table == table.Name).ToList(), table), Spreadsheets.XlsxType, name + ".xlsx"),
            _ => (new UTF8Encoding(false).GetBytes(Json.Format(message)), "application/json", name + ".json"),
        };
    }

    private static string? Empty(string text) => text.Length == 0 ? null : text;
}
