using Inspection.Admin.Accounts;
using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

[Collection(AdminCollection.Name)]
public sealed class PanelDepartureTests(AdminFixture admin)
{
    [Fact]
    public async Task A_lead_inspector_records_a_panel_departure_for_a_case_standard_and_the_ratings_page_shows_it()
    {
        var inspection = await CaseAssessedInspection.CreateAsync(admin, "Departure");
        var page = await admin.PageAsAsync(Role.LeadInspector);
        await page.GotoAsync($"/inspections/{inspection.InspectionId}/ratings");
        Assert.Equal(1, await page.GetByTestId("no-departures").CountAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a panel departure" }).ClickAsync();
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "ratings-departure");

        // Rationale and agreed by missing: the service's field violations land on both fields.
        await page.GetByLabel("Standard").SelectOptionAsync("2.2");
        await page.GetByLabel("Good", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the panel departure" }).ClickAsync();
        Assert.Equal(["A panel departure needs a written rationale", "A panel departure needs the name of who agreed it"],
            await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());
        Assert.Contains("needs a written rationale", await page.Locator("#Input_Rationale-error").InnerTextAsync());
        Assert.True(await page.GetByLabel("Good", new() { Exact = true }).IsCheckedAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "ratings-departure-error");

        const string rationale = "Planning was <em id=\"injected\">strong</em> in the cases the figures miss.";
        await page.GetByLabel("Rationale").FillAsync(rationale);
        await page.GetByLabel("Agreed by").FillAsync("Chief Inspector");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the panel departure" }).ClickAsync();
        Assert.Equal("Panel departure recorded: 2.2 rated Good", (await page.GetByTestId("notice").InnerTextAsync()).Trim());
        var row = page.Locator("[data-testid=panel-departures] tr[data-standard='2.2']");
        Assert.Contains(rationale, await row.InnerTextAsync());
        Assert.Contains("Chief Inspector", await row.InnerTextAsync());
        Assert.Equal(0, await page.Locator("#injected").CountAsync());
        Assert.Equal("Good", (await page.Locator("[data-testid=standard-ratings] tr[data-standard='2.2'] [data-testid=rating-tag]").InnerTextAsync()).Trim());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "ratings-with-departure");
    }

    [Fact]
    public async Task A_published_inspection_offers_no_departure_form_and_inspectors_cannot_reach_it()
    {
        var inspection = await admin.InspectionOfAsync(AdminFixture.Bnes);
        var lead = await admin.PageAsAsync(Role.LeadInspector);
        await lead.GotoAsync($"/inspections/{inspection.InspectionId}/ratings/departure");
        Assert.Equal(1, await lead.GetByTestId("departure-not-available").CountAsync());
        Assert.Equal(0, await lead.Locator("main form").CountAsync());
        var inspector = await admin.PageAsAsync(Role.Inspector);
        Assert.Equal(403, (await inspector.GotoAsync($"/inspections/{inspection.InspectionId}/ratings/departure"))!.Status);
    }
}
