using Inspection.Admin.Accounts;
using Inspection.Domain.Dates;
using Inspection.Recommendations.V1;
using Inspection.Scoring.V1;
using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

/// <summary>
/// Issue 22 in the browser: a publication dated after today is refused by recommendation tracking and the form shows
/// its message; a wrong publication date is put right as a correction with its reason, which the report shows; and a
/// recommendation to the provider is added as a correction after publication, numbered after one to HMPPS.
/// </summary>
[Collection(AdminCollection.Name)]
public sealed class DatesAndCorrectionsTests(AdminFixture admin)
{
    private static string InWords(DateOnly date) => DateInWords.Of(date);

    private static DateOnly Today => EnglandCalendar.Today(TimeProvider.System);

    [Fact]
    public async Task Publishing_dated_after_today_is_refused_with_the_services_message_on_the_form()
    {
        var tracking = admin.Tracking.CreateClient<RecommendationTracking.RecommendationTrackingClient>();
        var planned = await ReadyToPublishAsync("Future");
        var id = planned.InspectionId;
        var page = await admin.PageAsAsync(Role.LeadInspector);

        await page.GotoAsync($"/inspections/{id}/publish");
        // The form's default is today in England.
        Assert.Equal(Today.Day.ToString(), await page.Date("PublishedOn").GetByLabel("Day").InputValueAsync());
        await page.FillDateAsync("PublishedOn", "1", "1", "2099");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();

        var expected = $"The publication date cannot be after today ({InWords(Today)})";
        Assert.Equal([expected], await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());
        Assert.Contains(expected, await page.Locator("#PublishedOn-error").InnerTextAsync());
        Assert.Equal("planned", (await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id })).Status);
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "publish-date-in-the-future");
    }

    [Fact]
    public async Task A_wrong_publication_date_is_corrected_with_a_reason_shown_on_the_report()
    {
        var tracking = admin.Tracking.CreateClient<RecommendationTracking.RecommendationTrackingClient>();
        var planned = await ReadyToPublishAsync("Dated");
        var id = planned.InspectionId;
        var published = await tracking.PublishInspectionAsync(new PublishInspectionRequest
        {
            RequestId = "pub-" + planned.Unique, InspectionId = id, ExpectedVersion = (await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id })).Version,
            PublishedOn = "2022-09-01", PublishedBy = "admin-tests",
        });
        var page = await admin.PageAsAsync(Role.LeadInspector);

        await page.GotoAsync($"/inspections/{id}/published");
        await page.GetByRole(AriaRole.Link, new() { Name = "Correct the publication date or fieldwork dates" }).ClickAsync();
        Assert.Equal("1", await page.Date("PublishedOn").GetByLabel("Day").InputValueAsync());

        // Without a reason, and then to a date to come: refused on the form, nothing changed.
        await page.FillDateAsync("PublishedOn", "2022-09-08");
        await page.GetByRole(AriaRole.Button, new() { Name = "Correct the dates" }).ClickAsync();
        Assert.Equal(["Enter the reason for the correction"], await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());
        const string reason = "The report went on the website a week after the date first recorded";
        await page.GetByLabel("Reason for the correction").FillAsync(reason);
        await page.FillDateAsync("PublishedOn", "2099-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Correct the dates" }).ClickAsync();
        Assert.Equal([$"The publication date cannot be after today ({InWords(Today)})"], await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());
        Assert.Equal(published.Version, (await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id })).Version);
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "correct-dates-refused");

        await page.FillDateAsync("PublishedOn", "2022-09-08");
        await page.GetByRole(AriaRole.Button, new() { Name = "Correct the dates" }).ClickAsync();

        Assert.EndsWith($"/inspections/{id}/report", page.Url);
        Assert.Contains("Published 8 September 2022.", await page.Locator("main").InnerTextAsync());
        Assert.Equal($"Publication date corrected from 1 September 2022 to 8 September 2022 on {InWords(Today)}: {reason}",
            (await page.GetByTestId("record-corrected").InnerTextAsync()).Trim());
        Assert.Equal($"Amended {InWords(Today)}", (await page.GetByTestId("amended-tag").InnerTextAsync()).Trim());
        Assert.Contains("Reason: " + reason, await page.GetByTestId("amendments").InnerTextAsync());
        var corrected = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id });
        Assert.Equal(("2022-09-08", "2022-10-06"), (corrected.PublishedOn, corrected.ImprovementPlanDue));
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "report-publication-date-corrected");
    }

    [Fact]
    public async Task A_correction_recommendation_to_the_provider_is_added_after_one_to_hmpps()
    {
        var tracking = admin.Tracking.CreateClient<RecommendationTracking.RecommendationTrackingClient>();
        var planned = await ReadyToPublishAsync("Late provider");
        var id = planned.InspectionId;
        var hmpps = (await tracking.ListProvidersAsync(new ListProvidersRequest { Type = "national_body", NameContains = "HM Prison and Probation Service" })).Providers.First();
        var first = new AddRecommendationsRequest
        {
            RequestId = "r-" + planned.Unique, InspectionId = id, ExpectedVersion = (await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id })).Version,
            RecordedBy = "admin-tests",
        };
        first.Recommendations.Add(new NewRecommendation { AddresseeGroup = "provider", AddresseeProviderId = planned.Provider.ProviderId, Text = "make sure every case has a risk management plan" });
        first.Recommendations.Add(new NewRecommendation { AddresseeGroup = "hmpps", AddresseeProviderId = hmpps.ProviderId, Text = "review national guidance on home visits" });
        var made = await tracking.AddRecommendationsAsync(first);
        await tracking.PublishInspectionAsync(new PublishInspectionRequest
        {
            RequestId = "pub-" + planned.Unique, InspectionId = id, ExpectedVersion = made.Inspection.Version, PublishedOn = "2022-09-01", PublishedBy = "admin-tests",
        });
        var page = await admin.PageAsAsync(Role.LeadInspector);

        await page.GotoAsync($"/inspections/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a recommendation as a correction" }).ClickAsync();
        await page.Locator("#Input_Rows_0__Addressee").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#Input_Rows_0__Text").FillAsync("make sure home visits are recorded");
        const string reason = "The panel agreed a third recommendation to the provider; it was left out of the published report";
        await page.GetByLabel("Reason for the correction").FillAsync(reason);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add recommendations" }).ClickAsync();

        Assert.Contains("Recommendation 3 added as a correction", await page.GetByTestId("notice").InnerTextAsync());
        var all = (await tracking.ListRecommendationsAsync(new ListRecommendationsRequest { InspectionId = id })).Recommendations.OrderBy(r => r.Number).ToList();
        Assert.Equal([(1, "provider", ""), (2, "hmpps", ""), (3, "provider", reason)], all.Select(r => (r.Number, r.AddresseeGroup, r.CorrectionReason)).ToList());
        await page.GotoAsync($"/inspections/{id}/report");
        // The correction is printed as recommendation 3, under the provider again, after the one to HMPPS.
        var lists = page.GetByTestId("report-recommendations");
        var starts = new List<string>();
        for (var i = 0; i < await lists.CountAsync(); i++) starts.Add(await lists.Nth(i).GetAttributeAsync("start") ?? "");
        Assert.Equal(["1", "2", "3"], starts);
        Assert.Contains("make sure home visits are recorded", await lists.Nth(2).InnerTextAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "recommendation-to-provider-after-hmpps");
    }

    /// <summary>A planned inspection of its own whose figures are recorded, so only the date stands between it and publication.</summary>
    private Task<PlannedInspection> ReadyToPublishAsync(string purpose) => ReadyToPublishAsync(admin, purpose);

    /// <summary>A new inspection with every rated standard rated from a published report: it can be published.</summary>
    public static async Task<PlannedInspection> ReadyToPublishAsync(AdminFixture admin, string purpose)
    {
        var scoring = admin.Scoring.CreateClient<AssessmentScoring.AssessmentScoringClient>();
        var planned = await PlannedInspection.CreateAsync(admin, purpose);
        var framework = await scoring.GetFrameworkAsync(new GetFrameworkRequest { InspectionId = planned.InspectionId });
        var results = new RecordPublishedResultsRequest
        {
            RequestId = "results-" + planned.Unique, InspectionId = planned.InspectionId, Source = "admin tests", RecordedBy = "admin-tests",
        };
        results.Ratings.AddRange(framework.Domains.SelectMany(d => d.Standards).Where(s => s.Rated).Select(s => new PublishedRating { StandardId = s.StandardId, Rating = "Good" }));
        await scoring.RecordPublishedResultsAsync(results);
        return planned;
    }
}
