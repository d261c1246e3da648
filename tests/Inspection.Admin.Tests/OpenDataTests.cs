using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Inspection.Admin.Accounts;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace Inspection.Admin.Tests;

/// <summary>
/// Issue 25, item 4: the national open data downloaded from the admin (CSV, XLSX with a Key sheet, JSON) says exactly
/// what anyone reads over plain HTTP from the services that own it.
/// </summary>
[Collection(AdminCollection.Name)]
public sealed class OpenDataTests(AdminFixture admin)
{
    private static async Task<JsonElement> HttpJsonAsync(int port, string path)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        return JsonDocument.Parse(await http.GetStringAsync(path)).RootElement.Clone();
    }

    private static async Task<byte[]> DownloadAsync(IPage page, ILocator link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Null(await download.FailureAsync());
        return await File.ReadAllBytesAsync((await download.PathAsync())!);
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string Json(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText() : "";

    [Fact]
    public async Task The_ratings_time_series_files_are_the_http_json_row_for_row()
    {
        var http = (await HttpJsonAsync(admin.Scoring.HttpPort, "/open-data/v1/ratings?pageSize=5000")).GetProperty("rows").EnumerateArray().ToList();
        Assert.Contains(http, r => Json(r, "providerName") == AdminFixture.Bnes);
        var page = await admin.PageAsAsync(Role.Viewer);
        await page.GotoAsync("/open-data");
        await AxeCore.AssertAccessibleAsync(page);

        var csv = await DownloadAsync(page, page.GetByTestId("ratings-csv"));
        using var reader = new CsvReader(new StringReader(System.Text.Encoding.UTF8.GetString(csv)), CultureInfo.InvariantCulture);
        var lines = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        using var xlsx = new MemoryStream(await DownloadAsync(page, page.GetByTestId("ratings-xlsx")));
        Assert.Equal(["Key", "Ratings"], MiniExcel.GetSheetNames(xlsx));
        var sheet = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "Ratings").Cast<IDictionary<string, object?>>().ToList();
        var key = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "Key").Cast<IDictionary<string, object?>>().ToList();
        foreach (var column in MiniExcel.GetColumns(xlsx, useHeaderRow: true, sheetName: "Ratings"))
            Assert.Contains(key, k => k["sheet"]?.ToString() == "Ratings" && k["column"]?.ToString() == column && k["meaning"]?.ToString()?.Length > 10);
        var json = JsonDocument.Parse(await DownloadAsync(page, page.GetByTestId("ratings-json"))).RootElement.GetProperty("rows").EnumerateArray().ToList();

        Assert.Equal(http.Count, lines.Count);
        Assert.Equal(http.Count, sheet.Count);
        Assert.Equal(http.Count, json.Count);
        var columns = new (string File, string Json)[]
        {
            ("inspection_id", "inspectionId"), ("provider", "providerName"), ("lineage_id", "lineageId"), ("region", "region"), ("published_on", "publishedOn"),
            ("standard_id", "standardId"), ("rating", "rating"), ("previous_rating", "previousRating"), ("previous_basis", "previousBasis"), ("previous_note", "previousNote"),
        };
        for (var i = 0; i < http.Count; i++)
            foreach (var (file, name) in columns)
            {
                Assert.Equal(Json(http[i], name), lines[i][file].ToString());
                Assert.Equal(Json(http[i], name), Cell(sheet[i][file]));
                Assert.Equal(Json(http[i], name), Json(json[i], name));
            }
    }

    [Fact]
    public async Task The_implementation_rate_files_are_the_http_json_figure_for_figure()
    {
        var http = (await HttpJsonAsync(admin.Tracking.HttpPort, "/open-data/v1/implementation-rates")).GetProperty("rates").EnumerateArray().ToList();
        Assert.Contains(http, r => Json(r, "judged") != "0");
        var page = await admin.PageAsAsync(Role.Viewer);
        await page.GotoAsync("/open-data");

        var csv = await DownloadAsync(page, page.GetByTestId("implementation-csv"));
        using var reader = new CsvReader(new StringReader(System.Text.Encoding.UTF8.GetString(csv)), CultureInfo.InvariantCulture);
        var lines = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        using var xlsx = new MemoryStream(await DownloadAsync(page, page.GetByTestId("implementation-xlsx")));
        var sheet = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "Implementation").Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(http.Count, lines.Count);
        Assert.Equal(http.Count, sheet.Count);
        var columns = new (string File, string Json)[]
        {
            ("year_made", "yearMade"), ("addressee_group", "addresseeGroup"), ("region", "region"), ("made", "made"), ("judged", "judged"),
            ("sufficient", "sufficient"), ("rate_pct", "ratePct"), ("wilson_lower_pct", "wilsonLowerPct"), ("wilson_upper_pct", "wilsonUpperPct"),
        };
        for (var i = 0; i < http.Count; i++)
            foreach (var (file, name) in columns)
            {
                var expected = Json(http[i], name);
                if (double.TryParse(expected, CultureInfo.InvariantCulture, out var number))
                {
                    Assert.Equal(number, double.Parse(lines[i][file].ToString()!, CultureInfo.InvariantCulture));
                    Assert.Equal(number, Convert.ToDouble(sheet[i][file], CultureInfo.InvariantCulture));
                }
                else
                {
                    Assert.Equal(expected, lines[i][file].ToString());
                    Assert.Equal(expected, Cell(sheet[i][file]));
                }
            }
    }

    [Fact]
    public async Task The_charts_come_with_tables_of_the_same_figures_on_the_open_data_page_the_provider_page_and_in_the_report_pdf()
    {
        var all = (await HttpJsonAsync(admin.Scoring.HttpPort, "/open-data/v1/ratings?pageSize=5000")).GetProperty("rows").EnumerateArray().ToList();
        var page = await admin.PageAsAsync(Role.Viewer);
        await page.GotoAsync("/open-data");
        // The national distribution: one chart (an SVG image with its title) and one table per programme, counting the time series' rows.
        Assert.True(await page.GetByTestId("distribution-chart").Locator("svg[role=img] title").CountAsync() >= 1);
        var tables = page.GetByTestId("distribution-table");
        var counted = 0;
        for (var t = 0; t < await tables.CountAsync(); t++)
            foreach (var row in await tables.Nth(t).Locator("tbody tr").AllAsync())
                foreach (var cell in await row.Locator("td").AllInnerTextsAsync())
                    counted += int.Parse(cell, CultureInfo.InvariantCulture);
        Assert.Equal(all.Count(r => Json(r, "rating") is "Outstanding" or "Good" or "Requires improvement" or "Inadequate"), counted);
        Assert.Equal(1, await page.GetByTestId("implementation-chart").Locator("svg[role=img]").CountAsync());
        Assert.True(await page.GetByTestId("implementation-table").Locator("tbody tr").CountAsync() >= 1);

        // The provider's ratings over time, through its predecessors: chart and table, axe clean.
        var inspection = await admin.InspectionOfAsync(AdminFixture.Bnes);
        var own = all.Where(r => Json(r, "providerId") == inspection.ProviderId).ToList();
        Assert.NotEmpty(own);
        await page.GotoAsync($"/providers/{inspection.ProviderId}");
        await AxeCore.AssertAccessibleAsync(page);
        Assert.Equal(1, await page.GetByTestId("ratings-over-time-chart").Locator("svg[role=img]").CountAsync());
        var shown = await page.GetByTestId("ratings-over-time-table").Locator("tbody tr").AllAsync();
        Assert.Equal(own.Count, shown.Count);
        foreach (var (row, line) in own.Zip(shown))
            Assert.Equal(Json(row, "rating"), await line.Locator("td").Nth(1).InnerTextAsync());

        // The report PDF carries the same picture and table.
        var response = await page.APIRequest.GetAsync($"/inspections/{inspection.InspectionId}/report?handler=pdf");
        Assert.Equal(200, response.Status);
        var read = await PdfReading.ReadAsync(await response.BodyAsync());
        Assert.Contains($"Ratings of {AdminFixture.Bnes} and its predecessors", PdfReading.Flat(read.Text));
    }
}
