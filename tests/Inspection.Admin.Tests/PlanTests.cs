using System.Text.RegularExpressions;
using Inspection.Admin.Accounts;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace Inspection.Admin.Tests;

/// <summary>
/// Issue 23 as a lead inspector: the action plan of a published inspection downloaded as a spreadsheet, filled in and
/// uploaded (a bad row refuses the whole file, row by row; the same file twice changes nothing); then a target date
/// revised with its reason, its history, and an update, on the recommendation's one timeline. Every page axe clean,
/// every error in words, no ISO dates.
/// </summary>
[Collection(AdminCollection.Name)]
public sealed partial class PlanTests(AdminFixture admin)
{
    [Fact]
    public async Task A_lead_inspector_fills_the_plan_template_uploads_it_revises_a_date_and_records_an_update()
    {
        var inspection = await DashboardTests.PublishedAsync(admin, "Plan", "2022-03-01");
        var page = await admin.PageAsAsync(Role.LeadInspector);
        await page.GotoAsync($"/inspections/{inspection.InspectionId}");
        await page.GetByTestId("action-plan").ClickAsync();
        Assert.Equal("Action plan", (await page.Locator("h1").InnerTextAsync()).Trim());
        await AssertInWordsAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("template-xlsx").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var template = MiniExcel.Query((await download.PathAsync())!, useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal([1, 2], template.Select(r => Convert.ToInt32(r["Recommendation number"])));
        Assert.StartsWith($"{inspection.ProviderName} should: improve supervision", (string)template[0]["Recommendation"]!);

        // Filled in: recommendation 1 agreed with two actions, recommendation 2 not agreed with its reason.
        var filled = new List<Dictionary<string, object?>>
        {
            Row(template[0], "Agreed", "", new DateTime(2022, 3, 25), "Audit supervision records monthly", "Head of PDU", "Sam Carter", new DateTime(2022, 9, 30)),
            Row(template[0], "Agreed", "", new DateTime(2022, 3, 25), "Brief every practitioner", "Senior probation officer", "Kim Lee", new DateTime(2022, 6, 30)),
            Row(template[1], "Not agreed", "Risk plans are set nationally", new DateTime(2022, 3, 25), null, null, null, null),
        };
        var file = await SaveAsync(filled);
        var bad = await SaveAsync([.. filled, Row(template[1], "Maybe", "", new DateTime(2022, 3, 25), "Something", "", "", new DateTime(2022, 6, 30))]);

        await UploadAsync(page, bad);
        Assert.Contains("nothing was imported", await page.Locator(".govuk-error-summary").InnerTextAsync());
        var rowErrors = await page.Locator("[data-testid=row-errors] li").AllInnerTextsAsync();
        Assert.Contains(rowErrors, e => e.StartsWith("Row 5: Response", StringComparison.Ordinal));
        Assert.Contains(rowErrors, e => e.StartsWith("Row 5: Enter the owner's role or name", StringComparison.Ordinal) || e.StartsWith("Row 5: Owner role", StringComparison.Ordinal));
        Assert.Contains("No actions recorded", await page.GetByTestId("plan-actions").InnerTextAsync());
        await AssertInWordsAsync(page);

        await UploadAsync(page, file);
        Assert.Contains("2 actions added", await page.GetByTestId("notice").InnerTextAsync());
        var actions = await page.GetByTestId("plan-actions").InnerTextAsync();
        Assert.Contains("Head of PDU, Sam Carter", actions);
        Assert.Contains("30 September 2022", actions);
        Assert.Contains("Senior probation officer, Kim Lee", actions);
        await AssertInWordsAsync(page);

        await UploadAsync(page, file);
        Assert.Contains("nothing changed", await page.GetByTestId("notice").InnerTextAsync());

        // The recommendation: its plan, then a revised date with its reason and the history kept.
        await page.GetByRole(AriaRole.Link, new() { Name = $"{inspection.ProviderName} should: improve supervision", Exact = false }).First.ClickAsync();
        Assert.Contains("Agreed, 25 March 2022", await page.Locator("dd[data-testid=response]").InnerTextAsync());
        await AssertInWordsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Change action 1" }).ClickAsync();
        await AssertInWordsAsync(page);
        await page.FillDateAsync("Revision.Target", "31", "12", "2022");
        await page.GetByRole(AriaRole.Button, new() { Name = "Revise the target date" }).ClickAsync();
        Assert.Equal(["Enter the reason the target date changes"], await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());
        await AssertInWordsAsync(page);
        await page.GetByLabel("Reason for the change").FillAsync("The audit tool arrived late");
        await page.GetByRole(AriaRole.Button, new() { Name = "Revise the target date" }).ClickAsync();
        Assert.Contains("moved from 30 September 2022 to 31 December 2022", await page.GetByTestId("notice").InnerTextAsync());
        Assert.Contains("first 30 September 2022, revised 1 time", await page.GetByTestId("actions").InnerTextAsync());
        Assert.Contains("Action 1 target date moved from 30 September 2022 to 31 December 2022", await page.GetByTestId("timeline").InnerTextAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Change action 1" }).ClickAsync();
        Assert.Equal(["30 September 2022", "31 December 2022"],
            (await page.Locator("[data-testid=date-history] tbody tr td:first-child").AllInnerTextsAsync()).Select(t => t.Trim()));
        Assert.Contains("The audit tool arrived late", await page.GetByTestId("date-history").InnerTextAsync());

        // An update, recorded on the plan page, shows on the timeline with its author and day in words.
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the recommendation" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Record the response, an action, an update or the reported status" }).ClickAsync();
        await AssertInWordsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the update" }).ClickAsync();
        Assert.Equal(["Select what kind of update it is", "Enter date of the update", "Enter who gave the update, wrote the note or sent the document", "Enter what the update says"],
            await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());
        await AssertInWordsAsync(page);
        await page.GetByLabel("Monitoring note").CheckAsync();
        await page.FillDateAsync("Update.On", "12", "10", "2022");
        await page.GetByLabel("Who gave it, wrote it or sent it").FillAsync("Alex Jones, inspector");
        await page.GetByLabel("What it says").FillAsync("Audits have started in two of three teams.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the update" }).ClickAsync();
        Assert.Contains("Update recorded", await page.GetByTestId("notice").InnerTextAsync());
        var update = await page.Locator("[data-testid=timeline] [data-testid=update]").InnerTextAsync();
        Assert.Contains("Monitoring note from Alex Jones, inspector", update);
        Assert.Contains("12 October 2022", update);
        await AssertInWordsAsync(page);
        await admin.ScreenshotAsync(page, "recommendation-plan-timeline");
    }

    private static Dictionary<string, object?> Row(
        IDictionary<string, object?> template, string response, string reason, DateTime respondedOn, string? action, string? role, string? name, DateTime? target) => new()
    {
        ["Recommendation number"] = template["Recommendation number"], ["Recommendation"] = template["Recommendation"], ["Response"] = response,
        ["Response reason"] = reason, ["Responded on"] = respondedOn, ["Action number"] = null, ["Action"] = action, ["Owner role"] = role, ["Owner name"] = name,
        ["Target date"] = target, ["Status"] = action is null ? null : "Not started", ["Status reason"] = null, ["Date change reason"] = null,
    };

    private static async Task<string> SaveAsync(List<Dictionary<string, object?>> rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.xlsx");
        await MiniExcel.SaveAsAsync(path, rows);
        return path;
    }

    private static async Task UploadAsync(IPage page, string file)
    {
        await page.GetByLabel("Upload the filled-in plan").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import the plan" }).ClickAsync();
    }

    /// <summary>Axe clean, and nothing on the page a person should not read: no ISO date, no field name.</summary>
    private static async Task AssertInWordsAsync(IPage page)
    {
        await AxeCore.AssertAccessibleAsync(page);
        var text = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotMatch(IsoDate(), text);
        Assert.DoesNotContain("rows[", text);
        Assert.DoesNotContain("_date", text);
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();
}
