using Inspection.Admin.Accounts;
using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

[Collection(AdminCollection.Name)]
public sealed class BreakdownTests(AdminFixture admin)
{
    [Fact]
    public async Task The_breakdown_shows_each_group_against_the_rest_with_the_relative_rate_index()
    {
        var inspection = await CaseAssessedInspection.CreateAsync(admin, "Breakdown");
        var page = await admin.PageAsAsync(Role.Viewer);
        await page.GotoAsync($"/inspections/{inspection.InspectionId}/ratings");
        await page.GetByRole(AriaRole.Link, new() { Name = "Breakdown by case attribute, with the relative rate index" }).ClickAsync();

        Assert.Equal("By gender", (await page.GetByTestId("breakdown-attribute").InnerTextAsync()).Trim());
        var table = page.GetByTestId("breakdown-2.2.1");
        // Six women all No against six men all Yes: 0/6 against 6/6, an index of 0 and a significant difference
        // (Fisher's exact p = 0.002); the men's index has no Yes in the rest to divide by.
        var women = table.Locator("tr[data-value=female]");
        Assert.Equal("0/6", (await women.Locator("td").Nth(0).InnerTextAsync()).Trim());
        Assert.Equal("6/6 (100%)", (await women.Locator("td").Nth(2).InnerTextAsync()).Trim());
        Assert.Equal("0.00", (await women.GetByTestId("rri").InnerTextAsync()).Trim());
        Assert.Equal("0.002", (await women.Locator("td").Nth(4).InnerTextAsync()).Trim());
        Assert.Contains("Significant difference", await women.InnerTextAsync());
        Assert.Equal("–", (await table.Locator("tr[data-value=male]").GetByTestId("rri").InnerTextAsync()).Trim());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "ratings-breakdown");

        // Another attribute: every case is a community order, so there is no rest to compare with.
        await page.GetByLabel("Case attribute").SelectOptionAsync("sentence_type");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the breakdown" }).ClickAsync();
        Assert.Equal("By sentence type", (await page.GetByTestId("breakdown-attribute").InnerTextAsync()).Trim());
        var community = page.GetByTestId("breakdown-2.2.1").Locator("tr[data-value=community_order]");
        Assert.Equal("6/12", (await community.Locator("td").Nth(0).InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task An_inspection_recorded_from_its_published_results_says_there_are_no_cases_to_break_down()
    {
        var inspection = await admin.InspectionOfAsync(AdminFixture.Bnes);
        var page = await admin.PageAsAsync(Role.Viewer);
        var response = await page.GotoAsync($"/inspections/{inspection.InspectionId}/ratings/breakdown?attribute=rosh_level");

        Assert.Equal(200, response!.Status);
        Assert.Contains("published results", await page.GetByTestId("breakdown-not-available").InnerTextAsync());
        await AxeCore.AssertAccessibleAsync(page);
    }
}
