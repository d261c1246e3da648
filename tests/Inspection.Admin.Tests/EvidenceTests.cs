using Inspection.Admin.Accounts;
using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

[Collection(AdminCollection.Name)]
public sealed class EvidenceTests(AdminFixture admin)
{
    private const string Lewisham = "Lewisham and Bromley PDU";

    [Fact]
    public async Task The_evidence_page_shows_each_judgement_with_what_the_decision_rules_allow()
    {
        var inspection = await admin.InspectionOfAsync(AdminFixture.Bnes);
        var page = await admin.PageAsAsync(Role.Viewer);
        await page.GotoAsync($"/inspections/{inspection.InspectionId}/evidence");

        Assert.Contains("Inadequate", await page.Locator("[data-standard='1.1'] [data-testid=judgement]").InnerTextAsync());
        // Every rated case standard of the reference inspection is Inadequate: the cap is in force for Leadership.
        var cap = await page.Locator("[data-standard='1.1'] [data-rule=cap]").InnerTextAsync();
        Assert.Contains("in force", cap);
        Assert.True(cap.Contains("Allows: Requires improvement or Inadequate"), cap);
        Assert.Equal(1, await page.GetByTestId("staffing").CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Record the judgement") }).CountAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "evidence");
    }

    [Fact]
    public async Task A_lead_inspector_records_a_panel_departure_with_a_validation_error_and_its_correction()
    {
        var inspection = await admin.InspectionOfAsync(Lewisham);
        var page = await admin.PageAsAsync(Role.LeadInspector);
        await page.GotoAsync($"/inspections/{inspection.InspectionId}/evidence/judgement/1.3");
        Assert.Equal(1, await page.GetByTestId("rules").CountAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "evidence-judgement");

        await page.GetByLabel("Good", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Rationale").FillAsync("Services were commissioned well despite the cap.");
        await page.GetByLabel("The ratings panel departs").CheckAsync();
        await page.GetByLabel("Panel departure agreed by").FillAsync("");
        await page.GetByLabel("Final").CheckAsync();
        // Lewisham's report is published: a changed judgement is a correction with its reason.
        await page.GetByLabel("Reason for the correction").FillAsync("The panel's departure was left out of the record.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save judgement" }).ClickAsync();

        var summary = page.Locator(".govuk-error-summary");
        Assert.Contains("panel departure needs the name of who agreed it", await summary.InnerTextAsync());
        Assert.Equal("#Input_AgreedBy", await summary.Locator("a").First.GetAttributeAsync("href"));
        Assert.True(await page.GetByLabel("Good", new() { Exact = true }).IsCheckedAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "evidence-judgement-error");

        await page.GetByLabel("Panel departure agreed by").FillAsync("Chief Inspector");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save judgement" }).ClickAsync();
        Assert.EndsWith($"/inspections/{inspection.InspectionId}/evidence", page.Url);
        Assert.Contains("recorded: Good", await page.GetByTestId("notice").InnerTextAsync());
        Assert.Contains("panel departure agreed by Chief Inspector", await page.Locator("[data-standard='1.3'] [data-testid=judgement]").InnerTextAsync());
    }

    [Fact]
    public async Task An_inspector_adds_evidence_and_markup_in_it_is_shown_as_text()
    {
        var inspection = await admin.InspectionOfAsync(Lewisham);
        var page = await admin.PageAsAsync(Role.Inspector);
        await page.GotoAsync($"/inspections/{inspection.InspectionId}/evidence/add");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add evidence" }).ClickAsync();
        Assert.Equal(4, await page.Locator(".govuk-error-summary li").CountAsync());
        Assert.Contains("Enter date", await page.Locator(".govuk-error-summary").InnerTextAsync());
        await AxeCore.AssertAccessibleAsync(page);

        const string summary = "Managers <script>window.injected = 1</script><u>listen</u> to staff";
        await page.GetByLabel("Standard or key question").SelectOptionAsync("1.2");
        await page.FillDateAsync("Input.Date", "2022-08-23");
        await page.GetByLabel("What the evidence shows").FillAsync(summary);
        await page.GetByLabel("Strength").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add evidence" }).ClickAsync();

        Assert.Equal("Evidence added", (await page.GetByTestId("notice").InnerTextAsync()).Trim());
        Assert.Contains(summary, await page.Locator("[data-testid='evidence-1.2']").InnerTextAsync());
        Assert.Equal(0, await page.Locator("[data-testid='evidence-1.2'] u").CountAsync());
        Assert.False(await page.EvaluateAsync<bool>("() => window.injected === 1"));
        await admin.ScreenshotAsync(page, "evidence-added");
    }

    [Fact]
    public async Task A_viewer_cannot_reach_the_evidence_forms()
    {
        var inspection = await admin.InspectionOfAsync(Lewisham);
        var page = await admin.PageAsAsync(Role.Viewer);
        Assert.Equal(403, (await page.GotoAsync($"/inspections/{inspection.InspectionId}/evidence/add"))!.Status);
        Assert.Equal(403, (await page.GotoAsync($"/inspections/{inspection.InspectionId}/evidence/judgement/1.1"))!.Status);
        var inspector = await admin.PageAsAsync(Role.Inspector);
        Assert.Equal(403, (await inspector.GotoAsync($"/inspections/{inspection.InspectionId}/evidence/judgement/1.1"))!.Status);
    }
}
