using Inspection.Admin.Accounts;
using Inspection.Recommendations.V1;
using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

/// <summary>The register: a provider, its inspection and the inspection's recommendations, entered through the admin's forms.</summary>
[Collection(AdminCollection.Name)]
public sealed class RegisterTests(AdminFixture admin)
{
    [Fact]
    public async Task A_lead_inspector_adds_a_provider_an_inspection_and_its_recommendations()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var name = $"Register Test PDU {unique} <i id=\"injected\">x</i>";
        var page = await admin.PageAsAsync(Role.LeadInspector);
        await page.GotoAsync("/providers");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a provider" }).ClickAsync();
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "provider-new");

        // A probation delivery unit needs a region: the service's field violation lands on the field.
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Probation delivery unit").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the provider" }).ClickAsync();
        Assert.Contains("Enter region for a probation delivery unit", await page.Locator("#Input_Region-error").InnerTextAsync());
        Assert.Equal("#Input_Region", await page.Locator(".govuk-error-summary a").First.GetAttributeAsync("href"));
        Assert.Equal(name, await page.GetByLabel("Name").InputValueAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "provider-new-error");

        await page.Locator("#Input_Region").FillAsync("West Midlands");   // an existing region: a new one asks for a tick (ProviderKeepingTests)
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the provider" }).ClickAsync();
        Assert.Equal(name, (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Equal(0, await page.Locator("#injected").CountAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Add an inspection" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the inspection" }).ClickAsync();
        Assert.Equal(["Select the inspection framework"], await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "inspection-new-error");
        await page.GetByLabel("Framework").SelectOptionAsync("pdu-2024");
        await page.FillDateAsync("Input.FieldworkStart", "2025-13-40");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the inspection" }).ClickAsync();
        Assert.Equal(1, await page.Locator("#Input_FieldworkStart-error").CountAsync());
        Assert.Equal(["Fieldwork start must be a real date"], await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());
        await page.FillDateAsync("Input.FieldworkStart", "2025-03-03");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the inspection" }).ClickAsync();
        Assert.StartsWith("Inspection of Register Test PDU", (await page.GetByTestId("notice").InnerTextAsync()).Trim());
        var inspectionId = page.Url.Split('/').Last();

        await page.GetByRole(AriaRole.Link, new() { Name = "Add recommendations" }).ClickAsync();
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "recommendations-add");
        // HMPPS first, then the provider: groups run provider, region, HMPPS, MoJ, so the service refuses the second.
        var hmpps = await page.Locator("#Input_Rows_0__Addressee option", new() { HasTextString = "HM Prison and Probation Service" }).First.GetAttributeAsync("value");
        await page.Locator("#Input_Rows_0__Addressee").SelectOptionAsync(hmpps!);
        await page.Locator("#Input_Rows_0__Text").FillAsync("review national guidance on home visits");
        await page.Locator("#Input_Rows_1__Addressee").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#Input_Rows_1__Text").FillAsync("make sure every case has a risk management plan");
        await page.Locator("#Input_Rows_2__Text").FillAsync("a row without an addressee");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add recommendations" }).ClickAsync();
        // One submit shows the page's error and the service's together (issue 22: all errors of a form at once).
        var both = await page.Locator(".govuk-error-summary li").AllInnerTextsAsync();
        Assert.Equal(2, both.Count);
        Assert.Contains("Select who recommendation 3 is addressed to", both);
        Assert.Contains("Recommendations to HM Prison and Probation Service come after those to the provider: put recommendation 2 before recommendation 1",
            await page.Locator("#Input_Rows_1__Addressee-error").InnerTextAsync());
        await page.Locator("#Input_Rows_2__Text").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add recommendations" }).ClickAsync();
        Assert.Contains("Recommendations to HM Prison and Probation Service come after those to the provider: put recommendation 2 before recommendation 1",
            await page.Locator("#Input_Rows_1__Addressee-error").InnerTextAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "recommendations-add-error");

        await page.Locator("#Input_Rows_0__Addressee").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#Input_Rows_0__Text").FillAsync("make sure every case has a risk management plan");
        await page.Locator("#Input_Rows_1__Addressee").SelectOptionAsync(hmpps!);
        await page.Locator("#Input_Rows_1__Text").FillAsync("review national guidance on home visits");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add recommendations" }).ClickAsync();
        Assert.Equal("2 recommendations added, numbered 1 to 2", (await page.GetByTestId("notice").InnerTextAsync()).Trim());

        var tracking = admin.Tracking.CreateClient<RecommendationTracking.RecommendationTrackingClient>();
        var made = (await tracking.ListRecommendationsAsync(new ListRecommendationsRequest { InspectionId = inspectionId })).Recommendations.OrderBy(r => r.Number).ToList();
        Assert.Equal([("provider", "make sure every case has a risk management plan"), ("hmpps", "review national guidance on home visits")],
            made.Select(r => (r.AddresseeGroup, r.Text)).ToList());
    }

    [Fact]
    public async Task Recommendations_added_by_someone_else_meanwhile_are_a_clear_form_error_not_a_500()
    {
        var inspection = await CaseAssessedInspection.CreateAsync(admin, "Recommendations conflict");
        var first = await admin.PageAsAsync(Role.LeadInspector);
        var second = await admin.PageAsAsync(Role.Administrator);
        var add = $"/inspections/{inspection.InspectionId}/recommendations/add";
        await first.GotoAsync(add);
        await second.GotoAsync(add);
        foreach (var (page, text) in new[] { (first, "review supervision"), (second, "review case allocation") })
        {
            await page.Locator("#Input_Rows_0__Addressee").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await page.Locator("#Input_Rows_0__Text").FillAsync(text);
        }
        await first.GetByRole(AriaRole.Button, new() { Name = "Add recommendations" }).ClickAsync();
        Assert.Equal("Recommendation 1 added", (await first.GetByTestId("notice").InnerTextAsync()).Trim());

        var response = await second.RunAndWaitForResponseAsync(() =>
            second.GetByRole(AriaRole.Button, new() { Name = "Add recommendations" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(200, response.Status);
        Assert.Contains("Someone else changed this since you opened it", await second.Locator(".govuk-error-summary").InnerTextAsync());
        Assert.Equal("review case allocation", await second.Locator("#Input_Rows_0__Text").InputValueAsync());
        await AxeCore.AssertAccessibleAsync(second);

        await second.GetByRole(AriaRole.Button, new() { Name = "Add recommendations" }).ClickAsync();
        Assert.Equal("Recommendation 2 added", (await second.GetByTestId("notice").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task Viewers_and_inspectors_cannot_reach_the_register_forms()
    {
        var inspection = await admin.InspectionOfAsync(AdminFixture.Bnes);
        foreach (var role in new[] { Role.Viewer, Role.Inspector })
        {
            var page = await admin.PageAsAsync(role);
            Assert.Equal(403, (await page.GotoAsync("/providers/new"))!.Status);
            Assert.Equal(403, (await page.GotoAsync("/inspections/new"))!.Status);
            Assert.Equal(403, (await page.GotoAsync($"/inspections/{inspection.InspectionId}/recommendations/add"))!.Status);
        }
    }
}
