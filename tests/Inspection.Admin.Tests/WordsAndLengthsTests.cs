using System.Text;
using Inspection.Admin.Accounts;
using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

/// <summary>Issue 22, item 7: messages in words, long pages cut to length, each form's errors where they belong.</summary>
[Collection(AdminCollection.Name)]
public sealed class WordsAndLengthsTests(AdminFixture admin)
{
    [Fact]
    public async Task An_empty_caseload_file_is_answered_as_empty_and_a_row_error_reads_in_words()
    {
        var planned = await PlannedInspection.CreateAsync(admin, "Empty file");
        var page = await admin.PageAsAsync(Role.LeadInspector);
        await page.GotoAsync($"/inspections/{planned.InspectionId}/sample/import");
        await page.FillDateAsync("TakenOn", "2021-12-01");
        await page.GetByLabel("Caseload CSV file").SetInputFilesAsync(new FilePayload { Name = "caseload.csv", MimeType = "text/csv", Buffer = [] });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import caseload" }).ClickAsync();
        Assert.Equal(["The selected file is empty"], await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());

        await page.FillDateAsync("TakenOn", "2021-12-01");
        await page.GetByLabel("Caseload CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "caseload.csv", MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("case_reference,sentence_type,start_date,gender,ethnic_group,rosh_level\nE1,community_order,2021-13-40,male,white,low\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import caseload" }).ClickAsync();
        var rowError = await page.GetByTestId("row-errors").Locator("li").First.InnerTextAsync();
        Assert.StartsWith("Row 2, start_date", rowError);   // the file's own column header, as the person wrote it
        Assert.DoesNotContain("yyyy-MM-dd", rowError);
        Assert.DoesNotContain("is not a date in the form", rowError);
    }

    [Fact]
    public async Task The_draw_page_after_an_error_opens_only_the_panel_holding_it()
    {
        var sampled = await SampledInspection.CreateAsync(admin, "Draw panels");
        var page = await admin.PageAsAsync(Role.LeadInspector);
        await page.GotoAsync($"/inspections/{sampled.InspectionId}/sample/draw");
        var second = page.Locator("[data-quota='1']");
        await second.Locator("summary").ClickAsync();
        await page.GetByLabel("Quota 2 at least").FillAsync("lots");
        await page.GetByRole(AriaRole.Button, new() { Name = "Draw the sample" }).ClickAsync();

        Assert.Contains("quota 2", await page.Locator(".govuk-error-summary").InnerTextAsync());
        var open = await page.Locator("[data-quota][open], [data-split-group][open]").EvaluateAllAsync<string[]>(
            "panels => panels.map(p => p.dataset.quota !== undefined ? 'quota ' + p.dataset.quota : 'group ' + p.dataset.splitGroup)");
        Assert.Equal(["quota 1"], open);
        Assert.True(await page.EvaluateAsync<int>("() => document.body.scrollHeight") <= PageWords.TallestPage);
    }

    [Fact]
    public async Task The_audit_trail_is_paged_with_its_times_in_words()
    {
        var page = await admin.PageAsAsync(Role.Administrator);
        await page.GotoAsync("/audit?Source=recommendation-tracking");
        var rows = page.Locator("#service-audit tbody tr");
        Assert.InRange(await rows.CountAsync(), 1, Inspection.Admin.Pages.Audit.IndexModel.PageSize);
        var when = await rows.First.Locator("td").First.InnerTextAsync();
        Assert.Empty(PageWords.CodesIn(when));
        // The demo data alone writes more than a page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Older writes" }).ClickAsync();
        Assert.True(await rows.CountAsync() > 0);
        Assert.True(await page.EvaluateAsync<int>("() => document.body.scrollHeight") <= PageWords.TallestPage);

        await page.GotoAsync("/audit");
        Assert.InRange(await page.Locator("main table tbody tr").CountAsync(), 0, Inspection.Admin.Pages.Audit.IndexModel.PageSize);
        Assert.Empty(PageWords.CodesIn(await page.Locator("main table").InnerTextAsync()));

        // The page number is read from the query (it once bound to Razor Pages' own "page" route value and stayed 1).
        await page.GotoAsync("/audit?Source=admin&p=2");
        Assert.Equal(0, await page.Locator(".govuk-error-summary").CountAsync());
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = "Newer changes" }).CountAsync());
    }
}
