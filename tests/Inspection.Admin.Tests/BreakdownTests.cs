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
    public async Task The_breakdown_reads_the_rate_index_with_its_interval_and_calls_a_difference_significant_only_after_adjustment()
    {
        // 10 women and 10 men. 2.2.1: 2 of 10 women Yes against 9 of 10 men (Fisher's p = 0.0055); 2.2.2: 5 of 10
        // against 10 of 10 (p = 0.033); 2.3.1: 5 of 10 each (p = 1). Two genders: one comparison per question, three
        // in all; Holm's adjusted p-values (R's p.adjust) are 0.016, 0.065 and 1.
        var inspection = await CaseAssessedInspection.CreateAsync(admin, "Breakdown adjusted", 20, (c, position) =>
        {
            var rank = position / 2;   // 0 to 9 among the cases of the same gender
            var man = c.Gender == "male";
            return
            [
                ("2.2.1", rank < (man ? 9 : 2) ? "Yes" : "No"),
                ("2.2.2", man || rank < 5 ? "Yes" : "No"),
                ("2.3.1", rank < 5 ? "Yes" : "No"),
            ];
        });
        var page = await admin.PageAsAsync(Role.Viewer);
        await page.GotoAsync($"/inspections/{inspection.InspectionId}/ratings/breakdown?attribute=gender");

        Assert.StartsWith("3 comparisons on this page: p-values adjusted by Holm's method",
            (await page.GetByTestId("breakdown-comparisons").InnerTextAsync()).Trim());
        var planning = page.GetByTestId("breakdown-2.2.1");
        Assert.Contains("p allowing for 3 comparisons", await planning.Locator("thead").InnerTextAsync());
        // Katz's 95% interval (R): 0.22 (0.063 to 0.78) for the women, 4.50 (1.28 to 15.8) for the men.
        var women = planning.Locator("tr[data-value=female]");
        Assert.Equal("0.22 times the rate of the rest (0.06 to 0.78)", Words(await women.GetByTestId("rri-reading").InnerTextAsync()));
        Assert.Equal("0.005", (await women.Locator("td").Nth(4).InnerTextAsync()).Trim());
        Assert.Equal("0.016", (await women.GetByTestId("adjusted-p").InnerTextAsync()).Trim());
        Assert.Equal("Significant difference p = 0.016, once 3 comparisons are allowed for", Words(await women.GetByTestId("reading").InnerTextAsync()));
        // The men's row is the same 2x2 table: its test is not shown twice.
        var men = planning.Locator("tr[data-value=male]");
        Assert.Equal("4.50 times the rate of the rest (1.28 to 15.81)", Words(await men.GetByTestId("rri-reading").InnerTextAsync()));
        Assert.Equal("The same comparison as female, read from the other side", Words(await men.GetByTestId("same-test").InnerTextAsync()));
        Assert.Equal(0, await men.GetByTestId("adjusted-p").CountAsync());

        // p = 0.033 on its own would have been called significant; once three comparisons are allowed for it is not.
        var second = page.GetByTestId("breakdown-2.2.2").Locator("tr[data-value=female]");
        Assert.Equal("0.50 times the rate of the rest (0.27 to 0.93)", Words(await second.GetByTestId("rri-reading").InnerTextAsync()));
        Assert.Equal("0.065", (await second.GetByTestId("adjusted-p").InnerTextAsync()).Trim());
        Assert.Equal("No significant difference: p = 0.033 on its own, not significant once 3 comparisons are allowed for",
            Words(await second.GetByTestId("reading").InnerTextAsync()));
        Assert.Equal("No significant difference", Words(await page.GetByTestId("breakdown-2.3.1").Locator("tr[data-value=female]").GetByTestId("reading").InnerTextAsync()));
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "ratings-breakdown-adjusted");
    }

    /// <summary>A cell's text with its line breaks and runs of spaces read as one space.</summary>
    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

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
