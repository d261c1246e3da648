using Inspection.Admin.Accounts;
using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

[Collection(AdminCollection.Name)]
public sealed class RecommendationsTests(AdminFixture admin)
{
    [Fact]
    public async Task The_inspection_task_list_shows_each_task_with_its_status()
    {
        var inspection = await admin.InspectionOfAsync(AdminFixture.Bnes);
        var page = await admin.PageAsAsync(Role.Viewer);
        await page.GotoAsync($"/inspections/{inspection.InspectionId}");

        var tasks = page.Locator("[data-testid=task-list] li");
        Assert.Equal(["sample", "assessments", "evidence", "ratings", "recommendations", "progress", "publish"],
            await tasks.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.task)"));
        Assert.Contains("8 recommendations made", await page.Locator("[data-task=recommendations]").InnerTextAsync());
        Assert.Contains("Completed", await page.Locator("[data-task=publish]").InnerTextAsync());
        // The reference inspection's published figures give its published overall rating.
        Assert.Contains("Overall: Inadequate (2 of 27)", await page.Locator("[data-task=ratings]").InnerTextAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "inspection-task-list");
    }

    [Fact]
    public async Task The_tracker_filters_and_a_recommendation_shows_its_history_as_a_timeline()
    {
        var page = await admin.PageAsAsync(Role.Viewer);
        await page.GotoAsync("/recommendations");
        var all = int.Parse((await page.GetByTestId("result-count").InnerTextAsync()).Split(" of ")[1].Split(' ')[0]);
        Assert.True(all >= 8 + 11 + 6 + 9, $"{all} recommendations listed");
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "recommendations");

        await page.GetByLabel("Latest judgement").SelectOptionAsync("No progress");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        var tags = await page.Locator("[data-testid=recommendations] [data-testid=progress-tag]").AllInnerTextsAsync();
        Assert.NotEmpty(tags);
        Assert.All(tags, t => Assert.Equal("No progress", t.Trim()));

        await page.GotoAsync("/recommendations?text=" + Uri.EscapeDataString("keep actual and potential victims safe"));
        Assert.Equal(1, await page.Locator("[data-testid=recommendations] tbody tr").CountAsync());
        await page.Locator("[data-testid=recommendations] tbody a").ClickAsync();
        Assert.Contains("keep actual and potential victims safe", await page.Locator("h1").InnerTextAsync());
        var timeline = await page.Locator("[data-testid=timeline] .moj-timeline__title").AllInnerTextsAsync();
        Assert.StartsWith("No progress at the inspection of " + AdminFixture.Bnes, timeline[0].Trim());
        Assert.StartsWith("Made by the inspection of", timeline[^1].Trim());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "recommendation-timeline");
    }

    [Fact]
    public async Task A_lead_inspector_re_enters_an_annex_judgement_with_a_validation_error_and_its_correction()
    {
        var inspection = await admin.InspectionOfAsync(AdminFixture.Bnes);
        var page = await admin.PageAsAsync(Role.LeadInspector);
        await page.GotoAsync($"/inspections/{inspection.InspectionId}/progress");
        Assert.Equal(9, await page.Locator("[data-testid=due-recommendations] tbody tr").CountAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "progress-annex");

        var row = page.Locator("[data-testid=due-recommendations] tbody tr").Filter(new() { HasTextString = "Equip all staff with the skills" });
        await row.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^(Record|Change)") }).ClickAsync();
        Assert.Equal("What progress was made?", (await page.Locator("h1").InnerTextAsync()).Trim());

        // Findings left empty: a GOV.UK error, nothing saved. The inspection is published, so this is a correction.
        await page.GetByLabel("Findings").FillAsync("");
        await page.GetByLabel("Reason for the correction").FillAsync("Training records received after publication");
        await page.GetByLabel("Some progress").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save correction" }).ClickAsync();
        Assert.Equal(["Enter the inspection's findings"], await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());
        Assert.True(await page.GetByLabel("Some progress").IsCheckedAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "progress-judgement-error");

        const string findings = "Training was delivered to <em>all</em> staff, but its effect on practice is not yet seen.";
        await page.GetByLabel("Findings").FillAsync(findings);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save correction" }).ClickAsync();

        Assert.EndsWith($"/inspections/{inspection.InspectionId}/progress", page.Url);
        Assert.Contains("Correction recorded: Some progress", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        row = page.Locator("[data-testid=due-recommendations] tbody tr").Filter(new() { HasTextString = "Equip all staff with the skills" });
        Assert.Contains("Some progress", await row.Locator("td").Nth(3).InnerTextAsync());
        // The markup typed in was kept as text.
        Assert.Contains(findings, await row.InnerTextAsync());
        Assert.Equal(0, await row.Locator("em").CountAsync());
        await admin.ScreenshotAsync(page, "progress-judgement-saved");
    }

    [Fact]
    public async Task A_viewer_sees_no_record_link_and_cannot_reach_the_judgement_form()
    {
        var inspection = await admin.InspectionOfAsync(AdminFixture.Bnes);
        var page = await admin.PageAsAsync(Role.Viewer);
        await page.GotoAsync($"/inspections/{inspection.InspectionId}/progress");
        var recommendationId = await page.Locator("[data-testid=due-recommendations] tbody tr").First.GetAttributeAsync("data-recommendation-id");
        Assert.Equal(0, await page.Locator("main").GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^(Record|Change)") }).CountAsync());

        Assert.Equal(403, (await page.GotoAsync($"/inspections/{inspection.InspectionId}/progress/{recommendationId}"))!.Status);
        var inspector = await admin.PageAsAsync(Role.Inspector);
        Assert.Equal(403, (await inspector.GotoAsync($"/inspections/{inspection.InspectionId}/progress/{recommendationId}"))!.Status);
    }
}
