using Inspection.Admin.Accounts;

namespace Inspection.Admin.Tests;

[Collection(AdminCollection.Name)]
public sealed class StatusPageTests(AdminFixture admin)
{
    [Fact]
    public async Task The_status_page_shows_the_four_services_healthy_where_started()
    {
        var page = await admin.PageAsAsync(Role.Viewer);
        await page.GotoAsync("/status");

        var rows = page.Locator("[data-testid=service-status] tbody tr");
        Assert.Equal(4, await rows.CountAsync());
        foreach (var appId in new[] { "recommendation-tracking", "case-sampling", "assessment-scoring", "organisational-evidence" })
        {
            var health = (await page.Locator($"tr[data-app-id='{appId}'] [data-testid=health]").InnerTextAsync()).Trim();
            Assert.Equal(admin.StartedServices.Contains(appId) ? "Healthy" : "Unreachable", health);
        }
        Assert.Contains($"{admin.StartedServices.Count} of 4 services are healthy", await page.GetByTestId("status-summary").InnerTextAsync());
        await AxeCore.AssertNoSeriousViolationsAsync(page);
        await admin.ScreenshotAsync(page, "status");
    }
}
