using Inspection.Admin.Accounts;
using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

[Collection(AdminCollection.Name)]
public sealed class RatingsTests(AdminFixture admin)
{
    [Fact]
    public async Task The_ratings_panel_matches_the_reference_inspection()
    {
        var inspection = await admin.InspectionOfAsync(AdminFixture.Bnes);
        var page = await admin.PageAsAsync(Role.Viewer);
        await page.GotoAsync($"/inspections/{inspection.InspectionId}/ratings");

        // reference-inspections.json: score 2 of 27, Inadequate; 1.2 and 1.4 Requires improvement, the rest Inadequate.
        Assert.Equal("Overall rating: Inadequate", (await page.Locator("[data-testid=overall] h2").InnerTextAsync()).Trim());
        Assert.Contains("Score 2 out of 27", await page.GetByTestId("overall-score").InnerTextAsync());
        var expected = new Dictionary<string, string>
        {
            ["1.1"] = "Inadequate", ["1.2"] = "Requires improvement", ["1.3"] = "Inadequate", ["1.4"] = "Requires improvement",
            ["2.1"] = "Inadequate", ["2.2"] = "Inadequate", ["2.3"] = "Inadequate", ["2.4"] = "Inadequate", ["2.5"] = "Inadequate",
        };
        foreach (var (standard, rating) in expected)
            Assert.Equal(rating, (await page.Locator($"[data-testid=standard-ratings] tr[data-standard='{standard}'] [data-testid=rating-tag]").InnerTextAsync()).Trim());
        // Key-question tables carry the published percentages.
        Assert.True(await page.Locator("[data-testid^=key-questions-] tbody tr").CountAsync() >= 10);
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "ratings");
    }

    [Fact]
    public async Task The_report_preview_prints_ratings_recommendations_and_the_annexes()
    {
        var inspection = await admin.InspectionOfAsync(AdminFixture.Bnes);
        var page = await admin.PageAsAsync(Role.Viewer);
        await page.GotoAsync($"/inspections/{inspection.InspectionId}/report");

        Assert.Equal("Overall rating: Inadequate", (await page.Locator("[data-testid=overall] h2").InnerTextAsync()).Trim());
        Assert.Equal(8, await page.Locator("[data-testid=report-recommendations] li").CountAsync());
        Assert.Equal(9, await page.Locator("[data-testid=progress-annex] tbody tr").CountAsync());
        Assert.Equal(1, await page.GetByTestId("report-staffing").CountAsync());
        // The print button is an enhancement: shown once the script runs.
        Assert.True(await page.Locator("[data-print]").IsVisibleAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "report-preview");

        // Print preview: the print stylesheet hides the navigation and the buttons.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await page.Locator(".govuk-service-navigation").IsVisibleAsync());
        Assert.False(await page.Locator("[data-print]").IsVisibleAsync());
        Assert.True(await page.Locator("[data-testid=progress-annex]").IsVisibleAsync());
        await admin.ScreenshotAsync(page, "report-print");
        var pdf = await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(admin.ScreenshotDirectory, "report.pdf"), Format = "A4" });
        Assert.True(pdf.Length > 10_000);
    }

    [Fact]
    public async Task A_viewer_cannot_reach_the_publish_form()
    {
        var inspection = await admin.InspectionOfAsync("Lewisham and Bromley PDU");
        var page = await admin.PageAsAsync(Role.Viewer);
        Assert.Equal(403, (await page.GotoAsync($"/inspections/{inspection.InspectionId}/publish"))!.Status);
    }
}
