using System.Diagnostics;
using System.Globalization;
using Inspection.Admin.Accounts;
using Inspection.Admin.Tests;
using Microsoft.Playwright;

// WebApplicationFactory reads MvcTestingAppManifest.json (the hosts' content roots) from the working directory, which
// dotnet run sets to the project's folder: read it where the build put it, beside the program.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);

// The browser tests' fixture: PostgreSQL, the four services with their demo data, the admin on a real port, chromium.
var rounds = args.Length > 0 && int.TryParse(args[0], out var r) ? r : 10;
var admin = new AdminFixture();
Console.WriteLine("Starting PostgreSQL, the four services with their demo data and the admin...");
await admin.InitializeAsync();
try
{
    var bnes = await admin.InspectionOfAsync(AdminFixture.Bnes);
    var draft = await DatesAndCorrectionsTests.ReadyToPublishAsync(admin, "Benchmark draft");
    var page = await admin.PageAsAsync(Role.Viewer);

    async Task<(double Ms, int Bytes)> TimeAsync(string path)
    {
        var watch = Stopwatch.StartNew();
        var response = await page.APIRequest.GetAsync(path);
        var body = await response.BodyAsync();
        watch.Stop();
        if (response.Status != 200) throw new InvalidOperationException($"{path} answered {response.Status}");
        return (watch.Elapsed.TotalMilliseconds, body.Length);
    }

    async Task<(double Median, double Max, int Bytes)> RepeatAsync(string path)
    {
        var times = new List<double>();
        var bytes = 0;
        for (var i = 0; i < rounds; i++)
        {
            var (ms, size) = await TimeAsync(path);
            times.Add(ms);
            bytes = size;
        }
        times.Sort();
        return (times[times.Count / 2], times[^1], bytes);
    }

    static string Ms(double ms) => ms.ToString("0", CultureInfo.InvariantCulture) + " ms";

    Console.WriteLine($"Rounds: {rounds}; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
    Console.WriteLine("| what | figure |");
    Console.WriteLine("| --- | --- |");
    // The draft is printed on every request (never stored): its first print includes chromium's start.
    var cold = await TimeAsync($"/inspections/{draft.InspectionId}/report?handler=pdf");
    Console.WriteLine($"| report PDF, cold (chromium's first start + print), draft | {Ms(cold.Ms)}, {cold.Bytes:N0} bytes |");
    var warm = await RepeatAsync($"/inspections/{draft.InspectionId}/report?handler=pdf");
    Console.WriteLine($"| report PDF, warm (print), draft, median / max | {Ms(warm.Median)} / {Ms(warm.Max)} {(warm.Median < 2000 ? "(target < 2 s: met)" : "(target < 2 s: MISSED)")} |");
    var first = await TimeAsync($"/inspections/{bnes.InspectionId}/report?handler=pdf");
    Console.WriteLine($"| report PDF, 2022 reference inspection, first download (print + store) | {Ms(first.Ms)}, {first.Bytes:N0} bytes |");
    var stored = await RepeatAsync($"/inspections/{bnes.InspectionId}/report?handler=pdf");
    Console.WriteLine($"| report PDF, 2022 reference inspection, stored, median / max | {Ms(stored.Median)} / {Ms(stored.Max)} |");
    var xlsx = await RepeatAsync($"/inspections/{bnes.InspectionId}/report?handler=annexexlsx");
    Console.WriteLine($"| data annexe XLSX, median / max | {Ms(xlsx.Median)} / {Ms(xlsx.Max)}, {xlsx.Bytes:N0} bytes |");
    var csv = await RepeatAsync($"/inspections/{bnes.InspectionId}/report?handler=annexecsv&part=figures");
    Console.WriteLine($"| data annexe CSV (figures), median / max | {Ms(csv.Median)} / {Ms(csv.Max)}, {csv.Bytes:N0} bytes |");
    var register = await RepeatAsync("/recommendations?handler=xlsx");
    Console.WriteLine($"| register XLSX, whole register, median / max | {Ms(register.Median)} / {Ms(register.Max)}, {register.Bytes:N0} bytes |");

    // The national time series over 1,000 published inspections (issue 25, item 4): registered, published and given
    // their ratings through the services' own use cases, then read as anyone reads it, over plain HTTP (no token).
    var seeding = Stopwatch.StartNew();
    var added = await NationalSeries.SeedAsync(admin, 1000);
    Console.WriteLine($"| (seeded {added:N0} more published inspections in {Ms(seeding.Elapsed.TotalMilliseconds)}) | |");
    using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{admin.Scoring.HttpPort}") };
    async Task<(double Ms, int Bytes, int Rows)> SeriesAsync()
    {
        var watch = Stopwatch.StartNew();
        var body = await http.GetStringAsync("/open-data/v1/ratings?pageSize=5000");
        var rows = 0;
        var next = System.Text.Json.JsonDocument.Parse(body).RootElement;
        rows += next.GetProperty("rows").GetArrayLength();
        while (next.TryGetProperty("nextPageToken", out var token) && token.GetString() is { Length: > 0 } t)
        {
            var more = await http.GetStringAsync($"/open-data/v1/ratings?pageSize=5000&pageToken={t}");
            next = System.Text.Json.JsonDocument.Parse(more).RootElement;
            rows += next.GetProperty("rows").GetArrayLength();
            body += more;
        }
        watch.Stop();
        return (watch.Elapsed.TotalMilliseconds, body.Length, rows);
    }
    var seriesCold = await SeriesAsync();
    Console.WriteLine($"| national ratings time series, first read | {Ms(seriesCold.Ms)}, {seriesCold.Rows:N0} rows, {seriesCold.Bytes:N0} bytes |");
    var seriesTimes = new List<double>();
    for (var i = 0; i < rounds; i++) seriesTimes.Add((await SeriesAsync()).Ms);
    seriesTimes.Sort();
    var median = seriesTimes[seriesTimes.Count / 2];
    Console.WriteLine($"| national ratings time series (HTTP JSON, every page), median / max | {Ms(median)} / {Ms(seriesTimes[^1])} {(median < 1000 ? "(target < 1 s: met)" : "(target < 1 s: MISSED)")} |");
    Console.WriteLine($"| load average at the end | {File.ReadAllText("/proc/loadavg").Split(' ')[0]} |");
}
finally
{
    await admin.DisposeAsync();
}
