using Inspection.Admin.Accounts;
using Inspection.Recommendations.V1;
using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

[Collection(AdminCollection.Name)]
public sealed class TrackerTests(AdminFixture admin)
{
    private RecommendationTracking.RecommendationTrackingClient Tracking => admin.Tracking.CreateClient<RecommendationTracking.RecommendationTrackingClient>();

    [Fact]
    public async Task The_tracker_pages_says_when_nothing_matches_and_clears_its_filters()
    {
        var total = (await Tracking.ListRecommendationsAsync(new ListRecommendationsRequest { PageSize = 1 })).Total;
        Assert.True(total > 25, $"{total} recommendations");
        var page = await admin.PageAsAsync(Role.Viewer);
        await page.GotoAsync("/recommendations");
        Assert.Equal($"Showing 1 to 25 of {total} recommendations", (await page.GetByTestId("result-count").InnerTextAsync()).Trim());
        Assert.Equal(25, await page.Locator("[data-testid=recommendations] tbody tr").CountAsync());
        Assert.Equal(0, await page.GetByTestId("clear-filters").CountAsync());
        await AxeCore.AssertAccessibleAsync(page);

        await page.Locator("nav.govuk-pagination a[rel=next]").ClickAsync();
        Assert.EndsWith("/recommendations?p=2", page.Url);
        Assert.Equal($"Showing 26 to {Math.Min(50, total)} of {total} recommendations", (await page.GetByTestId("result-count").InnerTextAsync()).Trim());
        Assert.Equal(1, await page.Locator("nav.govuk-pagination a[rel=prev]").CountAsync());
        await AxeCore.AssertAccessibleAsync(page);

        // Filtering by region is done by the service, so the count and the pages are of what matches.
        var london = (await Tracking.ListRecommendationsAsync(new ListRecommendationsRequest { Region = "London", PageSize = 1 })).Total;
        await page.GetByLabel("Region").SelectOptionAsync("London");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        Assert.Equal($"{london} recommendation{(london == 1 ? "" : "s")}", (await page.GetByTestId("result-count").InnerTextAsync()).Trim());
        Assert.Equal(london, await page.Locator("[data-testid=recommendations] tbody tr").CountAsync());

        await page.GetByLabel("Text contains").FillAsync("words no recommendation has ever used");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        Assert.Equal("No recommendations match", (await page.GetByTestId("no-match").InnerTextAsync()).Trim());
        Assert.Equal(0, await page.Locator("[data-testid=recommendations]").CountAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "tracker-no-match");

        await page.GetByTestId("clear-filters").ClickAsync();
        Assert.EndsWith("/recommendations", page.Url);
        Assert.Equal("", await page.GetByLabel("Text contains").InputValueAsync());
        Assert.Equal("", await page.GetByLabel("Region").InputValueAsync());
        Assert.Equal($"Showing 1 to 25 of {total} recommendations", (await page.GetByTestId("result-count").InnerTextAsync()).Trim());

        // Addresses nobody typed are not error pages: an unknown inspection is 404, nonsense filters are ignored.
        Assert.Equal(404, (await page.GotoAsync($"/recommendations?inspection={Guid.NewGuid()}"))!.Status);
        Assert.Equal(200, (await page.GotoAsync("/recommendations?inspection=x&judgement=Great&addressee=police&provider=nope&p=-3"))!.Status);
        Assert.Equal(200, (await page.GotoAsync("/recommendations?p=9999"))!.Status);
        Assert.Contains("There is no page 9999", await page.GetByTestId("result-count").InnerTextAsync());
    }

    [Fact]
    public async Task An_overdue_plan_stops_being_overdue_once_its_receipt_is_recorded_and_the_timeline_names_people()
    {
        var published = await DashboardTests.PublishedAsync(admin, "Receipt", "2022-03-01");
        var leadEmail = AdminFixture.EmailFor(Role.LeadInspector);
        var leadName = "Test " + RoleNames.Display(Role.LeadInspector);
        // A progress judgement recorded by the lead inspector at the provider's next inspection.
        var next = await Tracking.CreateInspectionAsync(new CreateInspectionRequest
        {
            RequestId = Guid.NewGuid().ToString(), ProviderId = published.ProviderId, FrameworkId = "pdu-2021-2023", FieldworkStart = "2023-05-01", CreatedBy = "admin-tests",
        });
        var recommendations = (await Tracking.ListRecommendationsAsync(new ListRecommendationsRequest { InspectionId = published.InspectionId })).Recommendations;
        await Tracking.RecordProgressJudgementAsync(new RecordProgressJudgementRequest
        {
            RequestId = Guid.NewGuid().ToString(), RecommendationId = recommendations[0].RecommendationId, InspectionId = next.InspectionId,
            ExpectedVersion = recommendations[0].Version, Judgement = "Some progress", Findings = "Partly done.", RecordedBy = leadEmail,
        });

        var page = await admin.PageAsAsync(Role.LeadInspector);
        await page.GotoAsync($"/recommendations?inspection={published.InspectionId}&overdue=true");
        Assert.Equal(2, await page.Locator("[data-testid=recommendations] [data-plan=overdue]").CountAsync());
        Assert.Equal(2, await page.Locator("[data-testid=recommendations] .govuk-tag--red").CountAsync());

        await page.GotoAsync($"/recommendations/{recommendations[0].RecommendationId}");
        Assert.Contains("Overdue", await page.GetByTestId("plan-status").InnerTextAsync());
        Assert.Equal($"by {leadName}", (await page.Locator("[data-testid=timeline] .moj-timeline__byline").First.InnerTextAsync()).Trim());
        Assert.DoesNotContain(leadEmail, await page.Locator("main").InnerTextAsync());
        await AxeCore.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Record receipt of the improvement plan" }).ClickAsync();
        Assert.Equal("When was the improvement plan received?", (await page.Locator("h1").InnerTextAsync()).Trim());
        await page.GetByRole(AriaRole.Button, new() { Name = "Record receipt" }).ClickAsync();
        Assert.Equal(["Enter the date the improvement plan was received"], await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "improvement-plan-error");

        await FillDateAsync(page, "31", "2", "2022");
        Assert.Equal(["Date received must be a real date"], await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());
        await FillDateAsync(page, "28", "2", "2022");
        Assert.Equal(["Date received must be on or after the report was published, 1 March 2022"], await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());
        await FillDateAsync(page, "25", "", "2022");
        Assert.Equal(["Date received must include a month"], await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());
        Assert.Equal("25", await page.GetByLabel("Day").InputValueAsync());

        await FillDateAsync(page, "25", "3", "2022");
        Assert.Contains($"/recommendations?inspection={published.InspectionId}", page.Url);
        Assert.Contains("recorded as received on 25 March 2022", await page.GetByTestId("notice").InnerTextAsync());
        Assert.Equal(["Received 25 March 2022", "Received 25 March 2022"],
            (await page.Locator("[data-testid=recommendations] [data-plan]").AllInnerTextsAsync()).Select(t => t.Trim()));

        await page.GotoAsync($"/recommendations?inspection={published.InspectionId}&overdue=true");
        Assert.Equal("No recommendations match", (await page.GetByTestId("no-match").InnerTextAsync()).Trim());
        var stored = await Tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = published.InspectionId });
        Assert.Equal(("2022-03-25", leadEmail, false), (stored.ImprovementPlanReceivedOn, stored.ImprovementPlanRecordedBy, stored.ImprovementPlanOverdue));

        await page.GotoAsync($"/recommendations/{recommendations[0].RecommendationId}");
        Assert.Contains($"recorded by {leadName}", await page.GetByTestId("plan-received").InnerTextAsync());

        var viewer = await admin.PageAsAsync(Role.Viewer);
        Assert.Equal(403, (await viewer.GotoAsync($"/inspections/{published.InspectionId}/improvement-plan"))!.Status);
        Assert.Equal(404, (await page.GotoAsync($"/inspections/{next.InspectionId}/improvement-plan"))!.Status);
        Assert.Equal(404, (await page.GotoAsync("/inspections/not-an-id/improvement-plan"))!.Status);
    }

    [Fact]
    public async Task Recommendations_can_be_addressed_only_to_the_providers_region_and_the_national_bodies_of_the_time()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var pdu = await Tracking.CreateProviderAsync(new CreateProviderRequest { RequestId = "p-" + unique, Name = $"Addressee PDU {unique}", Type = "pdu", Region = "West Midlands", CreatedBy = "admin-tests" });
        var inspection = await Tracking.CreateInspectionAsync(new CreateInspectionRequest
        {
            RequestId = "i-" + unique, ProviderId = pdu.ProviderId, FrameworkId = "pdu-2021-2023", FieldworkStart = "2022-06-06", CreatedBy = "admin-tests",
        });
        var area = await Tracking.CreateProviderAsync(new CreateProviderRequest { RequestId = "a-" + unique, Name = $"Old Probation Area {unique}", Type = "probation_area", Region = "West Midlands", CreatedBy = "admin-tests" });
        var old = await Tracking.CreateInspectionAsync(new CreateInspectionRequest
        {
            RequestId = "o-" + unique, ProviderId = area.ProviderId, FrameworkId = "omi-2008", FieldworkStart = "2008-05-12", CreatedBy = "admin-tests",
        });

        var page = await admin.PageAsAsync(Role.LeadInspector);
        await page.GotoAsync($"/inspections/{inspection.InspectionId}/recommendations/add");
        var offered = await page.Locator("select[name='Input.Rows[0].Addressee'] option").AllInnerTextsAsync();
        Assert.Contains($"{pdu.Name} (the provider)", offered);
        Assert.Contains("West Midlands region (its region or division)", offered);
        Assert.Contains("HM Prison and Probation Service (HMPPS)", offered);
        Assert.DoesNotContain(offered, o => o.StartsWith("London region", StringComparison.Ordinal));
        Assert.DoesNotContain(offered, o => o.StartsWith("National Offender Management Service", StringComparison.Ordinal));
        await AxeCore.AssertAccessibleAsync(page);

        await page.GotoAsync($"/inspections/{old.InspectionId}/recommendations/add");
        offered = await page.Locator("select[name='Input.Rows[0].Addressee'] option").AllInnerTextsAsync();
        Assert.Contains("National Offender Management Service", offered);
        Assert.DoesNotContain(offered, o => o.StartsWith("HM Prison and Probation Service (HMPPS)", StringComparison.Ordinal));
    }

    private static async Task FillDateAsync(IPage page, string day, string month, string year)
    {
        await page.GetByLabel("Day").FillAsync(day);
        await page.GetByLabel("Month").FillAsync(month);
        await page.GetByLabel("Year").FillAsync(year);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record receipt" }).ClickAsync();
    }
}
