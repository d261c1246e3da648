using System.Text.RegularExpressions;
using Inspection.Admin.Accounts;
using Inspection.Recommendations.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

/// <summary>
/// Issue 23 as a lead inspector: a provider meets a cause-for-concern rule (its priority recommendation answered Not
/// agreed), so the flag shows on the home dashboard and on the provider's page with the rule in words and the
/// recommendation linked; closing it without a reason is refused in words; with one, it is gone from the open ones and
/// listed as closed with who, when and why. Every page axe clean, no ISO dates.
/// </summary>
[Collection(AdminCollection.Name)]
public sealed partial class CausesForConcernTests(AdminFixture admin)
{
    private const string RuleInWords = "Priority recommendation not agreed, or its action's target date revised more than once";

    /// <summary>
    /// A provider whose priority recommendation was answered Not agreed: published (as the demo records reports) on 2
    /// June 2025 with its plan received, then the response over gRPC, the write after which the service raises the flag.
    /// </summary>
    public static async Task<(Provider Provider, string RecommendationId)> PriorityNotAgreedAsync(AdminFixture admin, string purpose)
    {
        var tracking = admin.Tracking.CreateClient<RecommendationTracking.RecommendationTrackingClient>();
        var unique = Guid.NewGuid().ToString("N")[..8];
        var provider = await tracking.CreateProviderAsync(new CreateProviderRequest { RequestId = "p-" + unique, Name = $"{purpose} PDU {unique}", Type = "pdu", Region = "Wales", CreatedBy = "admin-tests" });
        var inspection = await tracking.CreateInspectionAsync(new CreateInspectionRequest
        {
            RequestId = "i-" + unique, ProviderId = provider.ProviderId, FrameworkId = "pdu-2024", FieldworkStart = "2025-03-03", CreatedBy = "admin-tests",
        });
        var add = new AddRecommendationsRequest { RequestId = "r-" + unique, InspectionId = inspection.InspectionId, ExpectedVersion = inspection.Version, RecordedBy = "admin-tests" };
        add.Recommendations.Add(new NewRecommendation { AddresseeGroup = "provider", AddresseeProviderId = provider.ProviderId, Text = $"fund a second programme {unique}", Priority = true });
        var added = await tracking.AddRecommendationsAsync(add);
        var calendar = admin.Tracking.Services.GetRequiredService<Inspection.Recommendations.Application.InspectionCalendar>();
        var published = await calendar.RecordEarlierPublicationAsync("pub-" + unique,
            Inspection.Recommendations.Domain.Inspections.InspectionPublication.Create(inspection.InspectionId, "2025-06-02", "admin-tests"), added.Inspection.Version, default);
        await tracking.RecordImprovementPlanReceiptAsync(new RecordImprovementPlanReceiptRequest
        {
            RequestId = "plan-" + unique, InspectionId = inspection.InspectionId, ExpectedVersion = published.Value.Version, ReceivedOn = "2025-06-20", RecordedBy = "admin-tests",
        });
        var recommendationId = added.Recommendations[0].RecommendationId;
        await admin.Tracking.CreateClient<RecommendationPlans.RecommendationPlansClient>().RecordResponseAsync(new RecordResponseRequest
        {
            RequestId = "response-" + unique, RecommendationId = recommendationId, ExpectedVersion = 1, Response = "Not agreed",
            Reason = "a second programme is not ours to fund", RespondedOn = "2025-06-30", RecordedBy = "admin-tests",
        });
        return (provider, recommendationId);
    }

    [Fact]
    public async Task A_rule_met_shows_on_the_dashboard_and_the_provider_page_and_goes_only_when_closed_with_a_reason()
    {
        var (provider, recommendationId) = await PriorityNotAgreedAsync(admin, "Concern");
        var page = await admin.PageAsAsync(Role.LeadInspector);

        await page.GotoAsync("/");
        // Home: one line each (the newest first), what met it on the provider's page.
        var line = page.GetByTestId("causes-for-concern").Locator("li", new() { HasText = provider.Name });
        Assert.Contains(RuleInWords, await line.GetByTestId("concern-rule").InnerTextAsync());
        Assert.Contains("met on 30 June 2025", await line.InnerTextAsync());
        await AssertInWordsAsync(page);
        await admin.ScreenshotAsync(page, "concern-on-dashboard");

        await line.GetByRole(AriaRole.Link, new() { Name = provider.Name, Exact = true }).ClickAsync();
        Assert.Equal(provider.Name, (await page.Locator("h1").InnerTextAsync()).Trim());
        var onProviderPage = page.GetByTestId("causes-for-concern");
        var row = onProviderPage.Locator("tr", new() { HasText = RuleInWords });
        Assert.Contains("answered Not agreed to priority recommendation 1 on 30 June 2025", await row.InnerTextAsync());
        Assert.Equal($"/recommendations/{recommendationId}", await row.GetByTestId("concern-records").Locator("a").GetAttributeAsync("href"));
        await AssertInWordsAsync(page);

        await onProviderPage.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Close") }).ClickAsync();
        Assert.Equal("Close the cause for concern", (await page.Locator("h1").InnerTextAsync()).Trim());
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the cause for concern" }).ClickAsync();
        Assert.Equal(["Enter why the cause for concern is closed"], await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());
        await AssertInWordsAsync(page);
        await admin.ScreenshotAsync(page, "concern-close-refused");

        await page.GetByLabel("Why it is closed").FillAsync("Met the head of PDU: the region funds the programme from April");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the cause for concern" }).ClickAsync();
        Assert.Equal($"Cause for concern about {provider.Name} closed", (await page.GetByTestId("notice").InnerTextAsync()).Trim());
        Assert.Equal("None is open.", (await page.GetByTestId("no-open-concerns").InnerTextAsync()).Trim());
        var closure = await page.GetByTestId("closed-concerns").Locator("tr", new() { HasText = provider.Name }).GetByTestId("closure").InnerTextAsync();
        Assert.Contains("Met the head of PDU: the region funds the programme from April", closure);
        Assert.Matches(@"^\d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2} by Test ", closure);
        await AssertInWordsAsync(page);
        await admin.ScreenshotAsync(page, "concern-closed");

        await page.GotoAsync($"/providers/{provider.ProviderId}");
        Assert.Equal("This provider gives no cause for concern.", (await page.GetByTestId("no-concerns").InnerTextAsync()).Trim());
        await page.GotoAsync("/");
        Assert.Equal(0, await page.GetByTestId("causes-for-concern").Locator("tr", new() { HasText = provider.Name }).CountAsync());
    }

    [Fact]
    public async Task A_viewer_sees_the_flags_but_is_offered_no_close()
    {
        var (provider, _) = await PriorityNotAgreedAsync(admin, "Viewed concern");
        var page = await admin.PageAsAsync(Role.Viewer);

        await page.GotoAsync($"/providers/{provider.ProviderId}");

        Assert.Contains(RuleInWords, await page.GetByTestId("causes-for-concern").InnerTextAsync());
        Assert.Equal(0, await page.GetByTestId("causes-for-concern").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Close") }).CountAsync());
    }

    private static async Task AssertInWordsAsync(IPage page)
    {
        await AxeCore.AssertAccessibleAsync(page);
        Assert.DoesNotMatch(IsoDate(), await page.Locator("main").InnerTextAsync());
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();
}
