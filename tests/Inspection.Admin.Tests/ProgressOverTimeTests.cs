using Inspection.Admin.Accounts;
using Inspection.Recommendations.V1;
using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

[Collection(AdminCollection.Name)]
public sealed class ProgressOverTimeTests(AdminFixture admin)
{
    [Fact]
    public async Task A_provider_and_its_region_show_progress_over_time_as_a_chart_with_a_table_of_the_same_figures()
    {
        var inspection = await admin.InspectionOfAsync(AdminFixture.Bnes);
        var tracking = admin.Tracking.CreateClient<RecommendationTracking.RecommendationTrackingClient>();
        var provider = await tracking.GetProviderAsync(new GetProviderRequest { ProviderId = inspection.ProviderId });
        var page = await admin.PageAsAsync(Role.Viewer);
        await page.GotoAsync($"/providers/{provider.ProviderId}");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Progress over time of {provider.Name} and its predecessors" }).ClickAsync();

        // The provider's figures are recommendation tracking's own by-year counts.
        var byYear = await tracking.GetProgressSummaryAsync(new GetProgressSummaryRequest { ProviderId = provider.ProviderId, GroupBy = "year" });
        Assert.True(byYear.Total.Total > 0);
        Assert.Equal(byYear.Rows.Select(r => r.Label), await page.Locator("[data-testid=progress-summary] tbody th[scope=row]").Filter(new() { HasNotTextString = "Total" }).AllInnerTextsAsync());
        Assert.Equal(byYear.Total.Total.ToString(), (await page.Locator("[data-testid=progress-summary] tbody tr").Last.Locator("td").Last.InnerTextAsync()).Trim());
        var chart = page.Locator("[data-testid=progress-chart] svg");
        Assert.Equal("img", await chart.GetAttributeAsync("role"));
        Assert.Contains(provider.Name, await chart.Locator("title").TextContentAsync());
        Assert.Equal(byYear.Rows.Count * byYear.ProgressScale.Count, byYear.Rows.Sum(r => r.Counts.Count));
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "progress-over-time-provider");

        // The region: every year added up must give the region's national count.
        await page.GotoAsync($"/providers/{provider.ProviderId}");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Progress over time in {provider.Region}" }).ClickAsync();
        var national = await tracking.GetProgressSummaryAsync(new GetProgressSummaryRequest { GroupBy = "region" });
        var region = national.Rows.Single(r => r.Key == provider.Region);
        var totals = page.Locator("[data-testid=progress-summary] tbody tr").Last;
        Assert.Equal(region.Total.ToString(), (await totals.Locator("td").Last.InnerTextAsync()).Trim());
        foreach (var count in region.Counts)
            Assert.Equal(count.Count.ToString(), (await totals.Locator($"td[data-judgement='{count.Judgement}']").InnerTextAsync()).Trim());
        Assert.Contains(provider.Region, await page.GetByTestId("progress-subject").InnerTextAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "progress-over-time-region");
    }
}
