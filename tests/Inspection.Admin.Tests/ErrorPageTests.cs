using System.Text.RegularExpressions;
using Inspection.Admin.Accounts;
using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

[Collection(AdminCollection.Name)]
public sealed partial class ErrorPageTests(AdminFixture admin)
{
    [Fact]
    public async Task An_unknown_address_answers_404_with_the_GOV_UK_page_not_found()
    {
        var page = await admin.PageAsAsync(Role.Viewer);
        var response = await page.GotoAsync("/no-such-page");

        Assert.Equal(404, response!.Status);
        Assert.Equal("Page not found", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.StartsWith("Page not found – ", await page.TitleAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "error-404");
    }

    [Fact]
    public async Task A_failure_answers_500_with_the_GOV_UK_page_and_a_trace_id_not_a_stack_trace()
    {
        // A second admin whose database is not there: the sign-in form itself fails inside the admin, since its
        // antiforgery token needs the key ring kept in that database (issue 24).
        var (factory, baseUrl) = await AdminFixture.StartAdminAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = $"Host=127.0.0.1;Port={AdminFixture.FreePort()};Username=postgres;Database=none;Timeout=2",
        }, waitUntilReady: false);
        await using (factory)
        {
            var page = await admin.AnonymousPageAsync();
            var response = (await page.GotoAsync(baseUrl + "/sign-in"))!;

            Assert.Equal(500, response.Status);
            Assert.Equal("Sorry, there is a problem with the service", (await page.Locator("h1").InnerTextAsync()).Trim());
            Assert.Matches(TraceId(), (await page.GetByTestId("trace-id").InnerTextAsync()).Trim());
            Assert.DoesNotContain("Exception", await page.ContentAsync());
            await AxeCore.AssertAccessibleAsync(page);
            await admin.ScreenshotAsync(page, "error-500");
        }
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex TraceId();
}
