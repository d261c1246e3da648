using Inspection.Admin.Accounts;
using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

[Collection(AdminCollection.Name)]
public sealed class ProvidersTests(AdminFixture admin)
{
    [Fact]
    public async Task Providers_are_listed_and_searched_and_a_provider_shows_its_lineage_inspections_and_progress()
    {
        var page = await admin.PageAsAsync(Role.Viewer);
        Assert.Equal(200, (await page.GotoAsync("/providers"))!.Status);
        var names = await page.Locator("[data-testid=providers] tbody td:first-child").AllInnerTextsAsync();
        Assert.Contains(AdminFixture.Bnes, names);
        Assert.Contains("Lewisham and Bromley PDU", names);
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "providers");

        await page.GetByLabel("Name contains").FillAsync("Lewisham");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        Assert.Equal(["Lewisham and Bromley PDU"], (await page.Locator("[data-testid=providers] tbody td:first-child").AllInnerTextsAsync()).Select(n => n.Trim()));

        await page.GotoAsync("/providers?name=Birmingham+North");
        await page.GetByRole(AriaRole.Link, new() { Name = AdminFixture.Bnes, Exact = true }).ClickAsync();
        Assert.Equal(AdminFixture.Bnes, (await page.Locator("h1").InnerTextAsync()).Trim());
        // The PDU was formed from a CRC and an NPS division: the annex's origins.
        var predecessors = await page.Locator("[data-testid=predecessors] tbody tr").AllInnerTextsAsync();
        Assert.Equal(2, predecessors.Count);
        Assert.Contains(predecessors, p => p.Contains("Community rehabilitation company"));
        Assert.Contains(predecessors, p => p.Contains("NPS division"));
        // Its own inspection and its predecessors' inspections.
        Assert.Equal(3, await page.Locator("[data-testid=inspections] tbody tr").CountAsync());
        // Progress over time: a server-rendered SVG chart and the same figures as a table (9 annex judgements).
        // Two charts: the ratings over time (issue 25) and the progress over time.
        Assert.Equal(2, await page.Locator("svg.admin-chart__svg").CountAsync());
        Assert.Equal(1, await page.GetByTestId("ratings-over-time-chart").Locator("svg.admin-chart__svg").CountAsync());
        Assert.Equal("9", (await page.Locator("[data-testid=progress-summary] tbody tr:last-child td:last-child").InnerTextAsync()).Trim());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "provider");
    }

    [Fact]
    public async Task An_unknown_provider_is_page_not_found()
    {
        var page = await admin.PageAsAsync(Role.Viewer);
        var response = await page.GotoAsync("/providers/" + Guid.NewGuid());
        Assert.Equal(404, response!.Status);
        Assert.Equal("Page not found", (await page.Locator("h1").InnerTextAsync()).Trim());
    }
}
