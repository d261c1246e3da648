using System.Text.RegularExpressions;
using Inspection.Admin.Accounts;
using Inspection.Domain.Dates;
using Inspection.Recommendations.Demo;
using Inspection.Recommendations.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

/// <summary>
/// Reminders (issue 23) on the home dashboard, filtered, and on the reminders page the tracker leads to; and what
/// providers said against what the inspectorate found, shown for the demo's fictional example. Dates in words, no
/// codes, every page axe clean. "Today" is recommendation tracking's: England's date on its clock.
/// </summary>
[Collection(AdminCollection.Name)]
public sealed partial class RemindersTests(AdminFixture admin)
{
    private static readonly DateOnly Today = EnglandCalendar.Today(TimeProvider.System);

    private RecommendationTracking.RecommendationTrackingClient Tracking => admin.Tracking.CreateClient<RecommendationTracking.RecommendationTrackingClient>();
    private RecommendationPlans.RecommendationPlansClient Plans => admin.Tracking.CreateClient<RecommendationPlans.RecommendationPlansClient>();

    [Fact]
    public async Task The_dashboard_shows_what_is_overdue_and_falls_due_filtered_by_response_off_track_and_priority()
    {
        // Published 20 days ago: the improvement plan falls due in 8 days. Recommendation 1, a priority one, is not
        // agreed and its action was due yesterday; recommendation 2's action falls due in 10 days.
        var (provider, recommendations) = await PublishedWithPriorityAsync(Today.AddDays(-20));
        var plan = await Plans.RecordResponseAsync(new RecordResponseRequest
        {
            RequestId = Guid.NewGuid().ToString(), RecommendationId = recommendations[0], ExpectedVersion = 1, Response = "Not agreed",
            Reason = "The region sets caseloads, not the delivery unit", RespondedOn = CalendarDate.ToText(Today.AddDays(-5)), RecordedBy = "admin-tests",
        });
        await ActionAsync(recommendations[0], "Review caseload weighting with the region", Today.AddDays(-1));
        await ActionAsync(recommendations[1], "Train every manager in countersigning", Today.AddDays(10));

        var page = await admin.PageAsAsync(Role.Viewer);
        await page.GotoAsync("/");
        var unfiltered = await Plans.ListRemindersAsync(new ListRemindersRequest());
        Assert.StartsWith($"As of {DateInWords.Of(Today)}: {unfiltered.Overdue} overdue and {unfiltered.FallsDue} falling due by {DateInWords.Of(Today.AddDays(30))}",
            (await page.GetByTestId("reminder-counts").InnerTextAsync()).Trim());
        Assert.True(await page.Locator("[data-testid=reminders] tbody tr").CountAsync() <= 3);

        // Filter: not agreed, off track, priority recommendations only, providers with a cause for concern (the priority
        // recommendation not agreed raised one on the provider).
        await page.GetByText("Filter reminders").ClickAsync();
        await page.GetByLabel("Response").SelectOptionAsync(new SelectOptionValue { Label = "Not agreed" });
        await page.GetByLabel("Off track only").CheckAsync();
        await page.GetByLabel("Priority recommendations only").CheckAsync();
        await page.GetByLabel("Providers with a cause for concern only").CheckAsync();
        await page.GetByTestId("reminder-filters").GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();

        var filtered = await Plans.ListRemindersAsync(new ListRemindersRequest { Response = "Not agreed", OffTrackOnly = true, PriorityOnly = true, CauseForConcernOnly = true });
        Assert.Equal($"As of {DateInWords.Of(Today)}: {filtered.Overdue} overdue and {filtered.FallsDue} falling due by {DateInWords.Of(Today.AddDays(30))} (not agreed, off track, priority recommendations, providers with a cause for concern).",
            (await page.GetByTestId("reminder-counts").InnerTextAsync()).Trim());
        var row = page.Locator("[data-testid=reminders] tbody tr", new() { HasText = "Review caseload weighting with the region" });
        Assert.Contains($"Action 1.1 for {provider.Name}", await row.InnerTextAsync());
        Assert.Equal($"{DateInWords.Of(Today.AddDays(-1))} Overdue by 1 day", (await row.Locator("[data-due]").InnerTextAsync()).Trim());
        Assert.Empty(PageWords.CodesIn(await page.Locator("main").InnerTextAsync()));
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "dashboard-reminders-filtered");

        // All reminders keeps the filters; the provider's own, unfiltered, are the overdue action, then the plan and the other action by date.
        await page.GetByTestId("all-reminders").ClickAsync();
        Assert.Contains("/recommendations/reminders?response=Not", page.Url);
        Assert.True(await page.GetByLabel("Priority recommendations only").IsCheckedAsync());
        await page.GotoAsync($"/recommendations/reminders?provider={provider.ProviderId}");
        Assert.Equal(
            [$"{DateInWords.Of(Today.AddDays(-1))}\nOverdue by 1 day", $"{DateInWords.Of(Today.AddDays(8))}\nDue in 8 days", $"{DateInWords.Of(Today.AddDays(10))}\nDue in 10 days"],
            (await page.Locator("[data-testid=reminders] tbody tr [data-due]").AllInnerTextsAsync()).Select(t => t.Trim()));
        Assert.Contains($"Improvement plan from {provider.Name}", await page.GetByTestId("reminders").InnerTextAsync());
        Assert.Contains("Recommendation 1: weight caseloads by risk. Owner: Head of PDU. Response: Not agreed.", await page.GetByTestId("reminders").InnerTextAsync());
        Assert.Empty(PageWords.CodesIn(await page.Locator("main").InnerTextAsync()));
        await AxeCore.AssertAccessibleAsync(page);
        Assert.NotNull(plan);
    }

    [Fact]
    public async Task The_tracker_leads_to_the_reminders_and_to_what_providers_said_against_what_was_found_for_the_fictional_example()
    {
        var page = await admin.PageAsAsync(Role.Viewer);
        await page.GotoAsync("/recommendations");
        Assert.Matches(DueSentence(), (await page.GetByTestId("tracker-reminders").InnerTextAsync()).Trim());
        await page.GetByRole(AriaRole.Link, new() { Name = "What providers said against what was found" }).ClickAsync();
        Assert.EndsWith("/recommendations/said-and-found", page.Url);

        var example = page.Locator("[data-testid=by-provider] tbody tr", new() { HasText = ExampleInspection.ProviderName });
        Assert.Equal(["2", "1 of 2 (50%)"], (await example.Locator("td").AllInnerTextsAsync()).Select(t => t.Trim()));
        var found = await Plans.GetSaidAgainstFoundAsync(new GetSaidAgainstFoundRequest());
        Assert.Contains($"Of the {found.Total.ReportedCompleteOrOnTrack} recommendations providers reported complete or on track",
            await page.GetByTestId("said-and-found-total").InnerTextAsync());
        Assert.Empty(PageWords.CodesIn(await page.Locator("main").InnerTextAsync()));
        await AxeCore.AssertAccessibleAsync(page);

        await page.GetByLabel("Region", new() { Exact = true }).SelectOptionAsync(ExampleInspection.Region);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        Assert.Equal(ExampleInspection.Region, (await page.Locator(".govuk-caption-l").InnerTextAsync()).Trim());
        Assert.Equal(
            "Of the 2 recommendations providers reported complete or on track before the next inspection looked, 1 (50%) was then judged no progress or some progress.",
            (await page.GetByTestId("said-and-found-total").InnerTextAsync()).Trim());
        Assert.Equal([$"{ExampleInspection.Region}\t2\t1 of 2 (50%)"], await page.Locator("[data-testid=by-region] tbody tr").AllInnerTextsAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "said-and-found");
    }

    [GeneratedRegex(@"^As of \d{1,2} [A-Z][a-z]+ \d{4}: \d+ overdue and \d+ falling due by \d{1,2} [A-Z][a-z]+ \d{4}\.")]
    private static partial Regex DueSentence();

    /// <summary>A new provider's inspection with two recommendations (the first a priority one), published on the day given, as a report published before the system.</summary>
    private async Task<(Provider Provider, IReadOnlyList<string> Recommendations)> PublishedWithPriorityAsync(DateOnly publishedOn)
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var provider = await Tracking.CreateProviderAsync(new CreateProviderRequest { RequestId = "rp-" + unique, Name = $"Reminded PDU {unique}", Type = "pdu", Region = "Wales", CreatedBy = "admin-tests" });
        var inspection = await Tracking.CreateInspectionAsync(new CreateInspectionRequest
        {
            RequestId = "ri-" + unique, ProviderId = provider.ProviderId, FrameworkId = "pdu-2024", FieldworkStart = CalendarDate.ToText(publishedOn.AddDays(-60)), CreatedBy = "admin-tests",
        });
        var add = new AddRecommendationsRequest { RequestId = "rr-" + unique, InspectionId = inspection.InspectionId, ExpectedVersion = inspection.Version, RecordedBy = "admin-tests" };
        add.Recommendations.Add(new NewRecommendation { AddresseeGroup = "provider", AddresseeProviderId = provider.ProviderId, Text = "weight caseloads by risk", Priority = true });
        add.Recommendations.Add(new NewRecommendation { AddresseeGroup = "provider", AddresseeProviderId = provider.ProviderId, Text = "countersign risk plans" });
        var added = await Tracking.AddRecommendationsAsync(add);
        var calendar = admin.Tracking.Services.GetRequiredService<Inspection.Recommendations.Application.InspectionCalendar>();
        var publication = Inspection.Recommendations.Domain.Inspections.InspectionPublication.Create(inspection.InspectionId, CalendarDate.ToText(publishedOn), "admin-tests");
        await calendar.RecordEarlierPublicationAsync("rpub-" + unique, publication, added.Inspection.Version, default);
        return (provider, added.Recommendations.Select(r => r.RecommendationId).ToList());
    }

    private async Task ActionAsync(string recommendationId, string description, DateOnly target) =>
        await Plans.AddPlanActionAsync(new AddPlanActionRequest
        {
            RequestId = Guid.NewGuid().ToString(), RecommendationId = recommendationId, Description = description, OwnerRole = "Head of PDU",
            TargetDate = CalendarDate.ToText(target), Status = "In progress", RecordedBy = "admin-tests",
        });
}
