using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using Inspection.Admin.Accounts;
using Inspection.Recommendations.V1;
using Inspection.Scoring.V1;
using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

[Collection(AdminCollection.Name)]
public sealed class DashboardTests(AdminFixture admin)
{
    private RecommendationTracking.RecommendationTrackingClient Tracking => admin.Tracking.CreateClient<RecommendationTracking.RecommendationTrackingClient>();

    /// <summary>A provider's published inspection with two recommendations, published on the day given: its plan is overdue four weeks later.</summary>
    public static async Task<Inspection.Recommendations.V1.Inspection> PublishedAsync(AdminFixture admin, string purpose, string publishedOn)
    {
        var tracking = admin.Tracking.CreateClient<RecommendationTracking.RecommendationTrackingClient>();
        var unique = Guid.NewGuid().ToString("N")[..8];
        var provider = await tracking.CreateProviderAsync(new CreateProviderRequest { RequestId = "p-" + unique, Name = $"{purpose} PDU {unique}", Type = "pdu", Region = "Wales", CreatedBy = "admin-tests" });
        var inspection = await tracking.CreateInspectionAsync(new CreateInspectionRequest
        {
            RequestId = "i-" + unique, ProviderId = provider.ProviderId, FrameworkId = "pdu-2021-2023", FieldworkStart = "2019-10-07", CreatedBy = "admin-tests",
        });
        var add = new AddRecommendationsRequest { RequestId = "r-" + unique, InspectionId = inspection.InspectionId, ExpectedVersion = inspection.Version, RecordedBy = "admin-tests" };
        add.Recommendations.Add(new NewRecommendation { AddresseeGroup = "provider", AddresseeProviderId = provider.ProviderId, Text = $"improve supervision {unique}" });
        add.Recommendations.Add(new NewRecommendation { AddresseeGroup = "provider", AddresseeProviderId = provider.ProviderId, Text = $"review risk plans {unique}" });
        var added = await tracking.AddRecommendationsAsync(add);
        // A report published before the system, as the demo data records it: straight through the store, since the
        // publication guard (rightly) refuses an inspection with no sample or judgements.
        var store = admin.Tracking.Services.GetRequiredService<Inspection.Recommendations.Application.InspectionCalendar>();
        var publication = Inspection.Recommendations.Domain.Inspections.InspectionPublication.Create(inspection.InspectionId, publishedOn, "admin-tests");
        await store.RecordEarlierPublicationAsync("pub-" + unique, publication, added.Inspection.Version, default);
        return await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = inspection.InspectionId });
    }

    [Fact]
    public async Task Home_opens_on_the_counts_then_my_inspections_with_their_progress_then_overdue_plans_newest_first_a_page_at_a_time()
    {
        // Eleven more overdue plans, so the list runs past one page of ten.
        for (var i = 0; i < 11; i++) await PublishedAsync(admin, "Overdue", $"2020-01-{i + 10:00}");
        var lead = "Test " + RoleNames.Display(Role.LeadInspector);
        var mine = await SampledInspection.CreateAsync(admin, "Dashboard", leadInspector: lead);
        var assessment = new RecordCaseAssessmentRequest
        {
            RequestId = Guid.NewGuid().ToString(), InspectionId = mine.InspectionId, CaseReference = mine.Cases[0].CaseReference, StaffGrade = "PO", AssessedBy = "admin-tests",
        };
        assessment.Answers.Add(new Answer { QuestionId = "2.2.1", Answer_ = "Yes" });
        await admin.Scoring.CreateClient<AssessmentScoring.AssessmentScoringClient>().RecordCaseAssessmentAsync(assessment);

        var planned = await Tracking.ListInspectionsAsync(new ListInspectionsRequest { Status = "planned", PageSize = 1000 });
        var overdue = await Tracking.ListInspectionsAsync(new ListInspectionsRequest { ImprovementPlanOverdueOnly = true, PageSize = 1 });
        var due = 0;
        foreach (var inspection in planned.Inspections)
            due += (await Tracking.ListDueForJudgementAsync(new ListDueForJudgementRequest { InspectionId = inspection.InspectionId })).Recommendations.Count(r => r.JudgementAtThisInspection is null);

        var page = await admin.PageAsAsync(Role.LeadInspector);
        await page.GotoAsync("/");

        // Counts first, each the service's own figure.
        Assert.Equal("counts", await page.Locator("main [data-testid]").First.GetAttributeAsync("data-testid"));
        Assert.StartsWith($"{planned.Total}\n", await page.Locator("[data-count=in-progress]").InnerTextAsync());
        Assert.StartsWith($"{due}\n", await page.Locator("[data-count=recommendations-due]").InnerTextAsync());
        Assert.StartsWith($"{overdue.Total}\n", await page.Locator("[data-count=overdue-plans]").InnerTextAsync());
        Assert.True(overdue.Total >= 11, $"{overdue.Total} overdue plans");

        // My inspections: the one I lead, with its progress.
        var row = page.Locator($"[data-testid=my-inspections] tr[data-inspection='{mine.InspectionId}']");
        Assert.Equal(mine.ProviderName, (await row.Locator("a").InnerTextAsync()).Trim());
        Assert.Equal("1 of 6", (await row.Locator("[data-progress=cases]").InnerTextAsync()).Trim());
        Assert.Equal("0 of 4", (await row.Locator("[data-progress=standards]").InnerTextAsync()).Trim());
        Assert.Equal("None due", (await row.Locator("[data-progress=recommendations]").InnerTextAsync()).Trim());

        // Overdue plans, newest first, ten to a page.
        Assert.Equal($"Showing 1 to 10 of {overdue.Total}", (await page.GetByTestId("overdue-range").InnerTextAsync()).Trim());
        var firstPage = await DueDatesAsync(page);
        Assert.Equal(10, firstPage.Count);
        Assert.Equal(firstPage.OrderByDescending(d => d), firstPage);
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "home-dashboard");

        await page.Locator("[data-testid=overdue-plans] ~ nav a[rel=next]").ClickAsync();
        Assert.EndsWith("/?p=2#overdue", page.Url);
        Assert.StartsWith("Showing 11 to ", (await page.GetByTestId("overdue-range").InnerTextAsync()).Trim());
        var secondPage = await DueDatesAsync(page);
        Assert.True(secondPage.Max() <= firstPage.Min());
        await AxeCore.AssertAccessibleAsync(page);

        // Each overdue plan links to its inspection's recommendations.
        await page.Locator("[data-testid=overdue-plans] tbody a").First.ClickAsync();
        Assert.Contains("/recommendations?inspection=", page.Url);
        Assert.Equal(2, await page.Locator("[data-testid=recommendations] tbody tr").CountAsync());

        // A page past the end says so; it is not an error.
        Assert.Equal(200, (await page.GotoAsync("/?p=999"))!.Status);
        Assert.Contains("There is no page 999", await page.GetByTestId("overdue-beyond").InnerTextAsync());
        Assert.Equal(200, (await page.GotoAsync("/?p=abc"))!.Status);
        Assert.StartsWith("Showing 1 to 10", (await page.GetByTestId("overdue-range").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task Someone_who_leads_no_inspection_is_told_so_and_the_page_is_not_a_wall()
    {
        var page = await admin.PageAsAsync(Role.Viewer);
        await page.GotoAsync("/");
        Assert.Contains("You do not lead an inspection in progress", await page.GetByTestId("no-mine").InnerTextAsync());
        Assert.True(await page.Locator("[data-testid=overdue-plans] tbody tr").CountAsync() <= 10);
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        // Every panel is bounded (ten overdue plans, three reminders, three causes for concern, one line each), so home
        // stays under half the crawl's 6,000 px for pages; it holds five panels since issue 23 (about 2,550 px).
        Assert.True(height < 3000, $"the home page is {height} px tall");
        await AxeCore.AssertAccessibleAsync(page);
    }

    private static async Task<IReadOnlyList<DateOnly>> DueDatesAsync(IPage page) =>
        (await page.Locator("[data-testid=overdue-plans] tbody tr td:nth-child(2)").AllInnerTextsAsync())
        .Select(t => DateOnly.ParseExact(t.Replace("Overdue", "").Trim(), "d MMMM yyyy", CultureInfo.InvariantCulture))
        .ToList();
}
