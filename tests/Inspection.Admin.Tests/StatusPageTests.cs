using Inspection.Admin.Accounts;
using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

[Collection(AdminCollection.Name)]
public sealed class StatusPageTests(AdminFixture admin)
{
    private static readonly string[] AppIds = ["recommendation-tracking", "case-sampling", "assessment-scoring", "organisational-evidence"];

    [Fact]
    public async Task The_status_page_shows_the_four_services_healthy()
    {
        var page = await admin.PageAsAsync(Role.Administrator);
        await page.GotoAsync("/status");

        Assert.Equal(4, await page.Locator("[data-testid=service-status] tbody tr").CountAsync());
        foreach (var appId in AppIds)
            Assert.Equal("Healthy", (await page.Locator($"tr[data-app-id='{appId}'] [data-testid=health]").InnerTextAsync()).Trim());
        Assert.Contains("4 of 4 services are healthy", await page.GetByTestId("status-summary").InnerTextAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "status");
    }

    [Theory]
    [InlineData(Role.Viewer)]
    [InlineData(Role.LeadInspector)]
    public async Task Service_status_and_the_services_addresses_are_shown_only_to_administrators(Role role)
    {
        var page = await admin.PageAsAsync(role);
        await page.GotoAsync("/");
        Assert.Equal(0, await page.Locator("a[href='/status']").CountAsync());
        var response = await page.GotoAsync("/status");
        Assert.Equal(403, response!.Status);
        Assert.DoesNotContain(admin.Tracking.GrpcAddress, await page.ContentAsync());
    }

    [Fact]
    public async Task Services_that_cannot_be_reached_are_shown_as_such_and_their_pages_say_the_service_is_unavailable()
    {
        // A second admin over the same accounts whose services are all somewhere nothing listens.
        var settings = new Dictionary<string, string?>(admin.AdminSettings);
        foreach (var appId in AppIds) settings[$"Services:{appId}:GrpcUrl"] = $"http://127.0.0.1:{AdminFixture.FreePort()}";
        var (factory, baseUrl) = await AdminFixture.StartAdminAsync(settings);
        await using (factory)
        {
            var page = await admin.AnonymousPageAsync();
            await page.GotoAsync(baseUrl + "/sign-in");
            await page.GetByLabel("Email address").FillAsync(AdminFixture.EmailFor(Role.Administrator));
            await page.GetByLabel("Password").FillAsync(AdminFixture.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            // Home still works, saying what it cannot show.
            Assert.Contains("Recommendation tracking is not available", await page.Locator("main").InnerTextAsync());

            await page.GotoAsync(baseUrl + "/status");
            foreach (var appId in AppIds)
                Assert.Equal("Unreachable", (await page.Locator($"tr[data-app-id='{appId}'] [data-testid=health]").InnerTextAsync()).Trim());
            await admin.ScreenshotAsync(page, "status-unreachable");

            var response = await page.GotoAsync(baseUrl + "/providers");
            Assert.Equal(503, response!.Status);
            Assert.Contains("Recommendation tracking is not available", await page.GetByTestId("unavailable-service").InnerTextAsync());
            await AxeCore.AssertAccessibleAsync(page);
            await admin.ScreenshotAsync(page, "error-503");
        }
    }
}
