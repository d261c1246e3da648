using System.Net;
using System.Text.Json;
using Inspection.Recommendations.Grpc;
using Inspection.Scoring.Grpc;
using Inspection.Scoring.Tests.Reference;
using Inspection.Testing;

namespace Inspection.Scoring.Tests.Grpc;

/// <summary>Recommendation tracking and assessment scoring with the demo data loaded (the reference inspections), as
/// the run command starts them; the open data read from their HTTP/1.1 ports.</summary>
public sealed class OpenDataSystem : IAsyncLifetime
{
    private ServiceTestHost<RecommendationTrackingService>? _register;
    private ServiceTestHost<AssessmentScoringService>? _scoring;
    private UpstreamStubHost? _upstream;

    public int RegisterHttpPort => _register!.HttpPort;
    public int ScoringHttpPort => _scoring!.HttpPort;

    public async Task InitializeAsync()
    {
        _register = await ServiceTestHost<RecommendationTrackingService>.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = await PostgresServer.Shared.CreateDatabaseAsync("open_reco"),
            ["DemoData:Load"] = "true",
        }, TimeSpan.FromMinutes(3));
        _upstream = await UpstreamStubHost.StartAsync(new UpstreamState());
        _scoring = await ServiceTestHost<AssessmentScoringService>.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = await PostgresServer.Shared.CreateDatabaseAsync("open_scoring"),
            ["Services:recommendation-tracking:GrpcUrl"] = _register.GrpcAddress,
            ["Services:case-sampling:GrpcUrl"] = _upstream.GrpcAddress,
            ["Services:organisational-evidence:GrpcUrl"] = _upstream.GrpcAddress,
            ["DemoData:Load"] = "true",
        }, TimeSpan.FromMinutes(3));
    }

    public async Task DisposeAsync()
    {
        if (_scoring is not null) await _scoring.DisposeAsync();
        if (_upstream is not null) await _upstream.DisposeAsync();
        if (_register is not null) await _register.DisposeAsync();
    }
}

/// <summary>
/// Issue 25, item 4: anyone reads the national ratings time series and the implementation rates with a plain HTTP
/// client (no gRPC, no token), and the figures are the reference inspections' as published.
/// </summary>
public sealed class OpenDataOverHttpTests(OpenDataSystem system) : IClassFixture<OpenDataSystem>
{
    private static async Task<JsonElement> GetJsonAsync(int port, string path)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static string Text(JsonElement row, string name) => row.TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";

    private static int Number(JsonElement row, string name) => row.TryGetProperty(name, out var value) ? value.GetInt32() : 0;

    [Fact]
    public async Task The_time_series_holds_every_published_rating_of_the_reference_inspections()
    {
        var series = await GetJsonAsync(system.ScoringHttpPort, "/open-data/v1/ratings");
        var rows = series.GetProperty("rows").EnumerateArray().ToList();
        using var references = JsonDocument.Parse(await File.ReadAllTextAsync(ReferenceInspection.FilePath));

        foreach (var reference in ReferenceInspection.LoadAll().Where(r => r.Ratings.Count > 0))
        {
            var source = references.RootElement.GetProperty("inspections").EnumerateArray().Single(i => i.GetProperty("provider").GetString() == reference.Provider);
            var own = rows.Where(r => Text(r, "providerName") == reference.Provider).ToList();
            Assert.Equal(reference.Ratings.Keys.Order(StringComparer.Ordinal), own.Select(r => Text(r, "standardId")).Order(StringComparer.Ordinal));
            foreach (var row in own)
            {
                Assert.Equal(reference.Ratings[Text(row, "standardId")], Text(row, "rating"));
                Assert.Equal(reference.FrameworkId, Text(row, "frameworkId"));
                Assert.Equal(source.GetProperty("region").GetString(), Text(row, "region"));
                Assert.StartsWith(source.GetProperty("published").GetString()!, Text(row, "publishedOn"));
                Assert.False(string.IsNullOrEmpty(Text(row, "standardName")));
                Assert.False(string.IsNullOrEmpty(Text(row, "lineageId")));
            }
        }

        // Birmingham was formed at the unification from a CRC and an NPS division: no one previous rating, and it says so.
        var birmingham = rows.Where(r => Text(r, "providerName") == "Birmingham North, East and Solihull PDU").ToList();
        Assert.All(birmingham, r => Assert.Equal(("several_predecessors", ""), (Text(r, "previousBasis"), Text(r, "previousRating"))));
        Assert.All(birmingham, r => Assert.Contains("2 predecessors", Text(r, "previousNote")));
        Assert.All(birmingham, r => Assert.Equal(Text(r, "providerId"), Text(r, "lineageId")));
        Assert.All(rows.Where(r => Text(r, "providerName") == "Lewisham and Bromley PDU"), r => Assert.Equal("no_earlier_inspection", Text(r, "previousBasis")));
        Assert.Equal(rows.Count, Number(series, "totalRows"));

        // Filtered and paged: a region, then two rows a page.
        var london = await GetJsonAsync(system.ScoringHttpPort, "/open-data/v1/ratings?region=London");
        Assert.All(london.GetProperty("rows").EnumerateArray(), r => Assert.Equal("London", Text(r, "region")));
        var page = await GetJsonAsync(system.ScoringHttpPort, "/open-data/v1/ratings?pageSize=2");
        Assert.Equal(rows.Take(2).Select(r => Text(r, "standardId") + Text(r, "inspectionId")), page.GetProperty("rows").EnumerateArray().Select(r => Text(r, "standardId") + Text(r, "inspectionId")));
        var next = await GetJsonAsync(system.ScoringHttpPort, $"/open-data/v1/ratings?pageSize=2&pageToken={Text(page, "nextPageToken")}");
        Assert.Equal(rows.Skip(2).Take(2).Select(r => Text(r, "standardId") + Text(r, "inspectionId")), next.GetProperty("rows").EnumerateArray().Select(r => Text(r, "standardId") + Text(r, "inspectionId")));
    }

    [Fact]
    public async Task The_implementation_rates_count_the_annexs_judgements_with_their_wilson_interval()
    {
        using var references = JsonDocument.Parse(await File.ReadAllTextAsync(ReferenceInspection.FilePath));
        var birmingham = references.RootElement.GetProperty("inspections").EnumerateArray().Single(i => i.TryGetProperty("previous_recommendations", out _));
        var judgements = birmingham.GetProperty("previous_recommendations").EnumerateArray().Select(p => p.GetProperty("judgement").GetString()).ToList();

        var rates = (await GetJsonAsync(system.RegisterHttpPort, "/open-data/v1/implementation-rates?region=West%20Midlands")).GetProperty("rates").EnumerateArray().ToList();
        Assert.All(rates, r => Assert.Equal("West Midlands", Text(r, "region")));
        // The predecessors' recommendations (made in 2019, to the provider), judged at Birmingham's 2022 inspection.
        var made2019 = rates.Single(r => Number(r, "yearMade") == 2019 && Text(r, "addresseeGroup") == "provider");
        var sufficient = judgements.Count(j => j == "Sufficient progress");
        Assert.Equal((judgements.Count, judgements.Count, sufficient), (Number(made2019, "made"), Number(made2019, "judged"), Number(made2019, "sufficient")));
        Assert.Equal(Math.Round(100.0 * sufficient / judgements.Count, 1), made2019.GetProperty("ratePct").GetDouble());
        var (lower, upper) = Wilson(sufficient, judgements.Count);
        Assert.Equal(lower, made2019.GetProperty("wilsonLowerPct").GetDouble(), 1);
        Assert.Equal(upper, made2019.GetProperty("wilsonUpperPct").GetDouble(), 1);
        // Birmingham's own recommendations (2022) have no later inspection yet: made, none judged.
        var made2022 = rates.Where(r => Number(r, "yearMade") == 2022).ToList();
        Assert.NotEmpty(made2022);
        Assert.All(made2022, r => Assert.Equal(0, Number(r, "judged")));
    }

    /// <summary>The Wilson score interval written out here (95%, z = 1.959964), independently of Inspection.Statistics.</summary>
    private static (double Lower, double Upper) Wilson(int k, int n)
    {
        const double z = 1.959964;
        var p = (double)k / n;
        var centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        var half = z * Math.Sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / (1 + z * z / n);
        return (Math.Round(100 * (centre - half), 1), Math.Round(100 * (centre + half), 1));
    }
}
