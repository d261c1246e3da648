using Inspection.Admin.Accounts;
using Inspection.Recommendations.V1;
using Inspection.Scoring.V1;
using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

/// <summary>
/// Issue 14, safety of the record, in the browser: publishing is guarded (by the page and, behind it, by recommendation
/// tracking), is a check-your-answers step and ends on a confirmation panel; a published report changes only through a
/// correction with a reason, shown as amended; an incomplete case assessment counts as in progress.
/// </summary>
[Collection(AdminCollection.Name)]
public sealed class PublicationSafetyTests(AdminFixture admin)
{
    [Fact]
    public async Task Publishing_is_refused_while_unfinished_then_checked_and_confirmed()
    {
        var tracking = admin.Tracking.CreateClient<RecommendationTracking.RecommendationTrackingClient>();
        var scoring = admin.Scoring.CreateClient<AssessmentScoring.AssessmentScoringClient>();
        var planned = await PlannedInspection.CreateAsync(admin, "Publishing");
        var (unique, provider, inspection) = (planned.Unique, planned.Provider, planned.Inspection);
        var id = inspection.InspectionId;
        var page = await admin.PageAsAsync(Role.LeadInspector);

        // Nothing done yet: the page says what stands in the way and offers no Publish button.
        await page.GotoAsync($"/inspections/{id}/publish");
        Assert.Equal("You cannot publish the inspection yet", (await page.Locator("h1").InnerTextAsync()).Trim());
        var blockers = await page.GetByTestId("publish-blockers").Locator("li").AllInnerTextsAsync();
        Assert.Contains("No case sample has been drawn", blockers);
        Assert.Contains("1.1 Leadership: no final judgement yet", blockers);
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).CountAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "publish-blocked");

        // Its figures recorded (as for a report written outside the system): every standard rated, nothing due.
        var framework = await scoring.GetFrameworkAsync(new GetFrameworkRequest { InspectionId = id });
        var rated = framework.Domains.SelectMany(d => d.Standards).Where(s => s.Rated).Select(s => s.StandardId).ToList();
        await scoring.RecordPublishedResultsAsync(Results(id, $"r1-{unique}", rated));
        await page.GotoAsync($"/inspections/{id}/publish");
        Assert.Equal("Check the inspection before you publish it", (await page.Locator("h1").InnerTextAsync()).Trim());
        var answers = await page.GetByTestId("check-answers").InnerTextAsync();
        Assert.Contains("Good (", answers);
        Assert.Contains("1.1 Leadership: Good", answers);
        Assert.Contains("Recorded from the published report's figures", answers);
        Assert.Contains("None was due", answers);
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "publish-check-answers");

        // While the page is open, a rating goes missing: the service itself refuses, listing why, and nothing is published.
        await scoring.RecordPublishedResultsAsync(Results(id, $"r2-{unique}", rated.Where(s => s != "1.2").ToList()));
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        var errors = await page.Locator(".govuk-error-summary li").AllInnerTextsAsync();
        Assert.Contains("The inspection cannot be published yet. Nothing was published.", errors);
        Assert.Contains("1.2 Staff: no final judgement yet", errors);
        Assert.Equal("planned", (await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id })).Status);
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "publish-refused");

        await scoring.RecordPublishedResultsAsync(Results(id, $"r3-{unique}", rated));
        await page.GotoAsync($"/inspections/{id}/publish");
        // The publication date is a GOV.UK date input, prefilled with today; a day that does not exist is refused in words.
        Assert.Equal(DateTime.UtcNow.Year.ToString(), await page.Date("PublishedOn").GetByLabel("Year").InputValueAsync());
        await page.FillDateAsync("PublishedOn", "31", "9", "2022");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        Assert.Equal(["Publication date must be a real date"], await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());
        Assert.Equal("planned", (await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id })).Status);
        await AxeCore.AssertAccessibleAsync(page);
        await page.FillDateAsync("PublishedOn", "2022-09-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();

        Assert.EndsWith($"/inspections/{id}/published", page.Url);
        Assert.Equal("Inspection published", (await page.Locator(".govuk-panel__title").InnerTextAsync()).Trim());
        Assert.Contains("Published 1 September 2022", await page.GetByTestId("published-panel").InnerTextAsync());
        Assert.Contains("improvement plan is due by 29 September 2022", await page.Locator("main").InnerTextAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "publish-confirmation");
        Assert.Equal(("published", "2022-09-01"), await StatusOf(tracking, id));
    }

    [Fact]
    public async Task A_published_report_is_unchanged_by_a_later_judgement_unless_it_is_corrected()
    {
        var inspection = await admin.InspectionOfAsync(AdminFixture.Bnes);
        var id = inspection.InspectionId;
        const string recommendationText = "Address high levels";
        var page = await admin.PageAsAsync(Role.LeadInspector);
        await page.GotoAsync($"/inspections/{id}/report");
        var annexRow = page.GetByTestId("progress-annex").Locator("tbody tr").Filter(new() { HasTextString = recommendationText }).First;
        var rowBefore = await annexRow.InnerTextAsync();
        var amendmentsBefore = await page.GetByTestId("amendments").Locator(".govuk-summary-list__row").CountAsync();

        await page.GotoAsync($"/inspections/{id}/progress");
        var due = page.Locator("[data-testid=due-recommendations] tbody tr").Filter(new() { HasTextString = recommendationText }).First;
        await due.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^(Record|Change)") }).ClickAsync();
        Assert.Contains("This inspection was published on", await page.GetByTestId("correction-warning").InnerTextAsync());
        await page.GetByLabel("Sufficient progress").CheckAsync();
        await page.GetByLabel("Findings").FillAsync("A later look at the plan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save correction" }).ClickAsync();
        Assert.Equal(["Enter the reason for the correction"], await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "progress-correction-needs-reason");

        // Refused: the published report is exactly as it was.
        await page.GotoAsync($"/inspections/{id}/report");
        Assert.Equal(rowBefore, await annexRow.InnerTextAsync());
        Assert.Equal(amendmentsBefore, await page.GetByTestId("amendments").Locator(".govuk-summary-list__row").CountAsync());

        const string reason = "The provider's completed delivery plan was received before publication but missed";
        await page.GotoAsync($"/inspections/{id}/progress");
        await due.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^(Record|Change)") }).ClickAsync();
        await page.GetByLabel("Sufficient progress").CheckAsync();
        await page.GetByLabel("Findings").FillAsync("The delivery plan was completed.");
        await page.GetByLabel("Reason for the correction").FillAsync(reason);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save correction" }).ClickAsync();
        Assert.Contains("Correction recorded: Sufficient progress", await page.Locator(".govuk-notification-banner").InnerTextAsync());

        await page.GotoAsync($"/inspections/{id}/report");
        var today = DateTime.UtcNow.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"Amended {today}", (await page.GetByTestId("amended-tag").InnerTextAsync()).Trim());
        Assert.Equal(amendmentsBefore + 1, await page.GetByTestId("amendments").Locator(".govuk-summary-list__row").CountAsync());
        Assert.Contains(reason, await page.GetByTestId("amendments").InnerTextAsync());
        Assert.Contains("Sufficient progress", await annexRow.InnerTextAsync());
        Assert.Contains(reason, await annexRow.InnerTextAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "report-amended");
    }

    [Fact]
    public async Task A_recommendation_added_to_a_published_inspection_is_a_correction_shown_on_the_report_as_amended()
    {
        // A new inspection of its own, published through the services, so no other test's reference inspection changes.
        var tracking = admin.Tracking.CreateClient<RecommendationTracking.RecommendationTrackingClient>();
        var scoring = admin.Scoring.CreateClient<AssessmentScoring.AssessmentScoringClient>();
        var planned = await PlannedInspection.CreateAsync(admin, "Correction");
        var (unique, provider, inspection) = (planned.Unique, planned.Provider, planned.Inspection);
        var id = inspection.InspectionId;
        var first = new AddRecommendationsRequest { RequestId = "r-" + unique, InspectionId = id, ExpectedVersion = inspection.Version, RecordedBy = "admin-tests" };
        first.Recommendations.Add(new NewRecommendation { AddresseeGroup = "provider", AddresseeProviderId = provider.ProviderId, Text = "make sure every case has a risk management plan" });
        inspection = (await tracking.AddRecommendationsAsync(first)).Inspection;
        var framework = await scoring.GetFrameworkAsync(new GetFrameworkRequest { InspectionId = id });
        await scoring.RecordPublishedResultsAsync(Results(id, $"r1-{unique}",
            framework.Domains.SelectMany(d => d.Standards).Where(s => s.Rated).Select(s => s.StandardId).ToList()));
        await tracking.PublishInspectionAsync(new PublishInspectionRequest
        {
            RequestId = "pub-" + unique, InspectionId = id, ExpectedVersion = inspection.Version, PublishedOn = "2022-09-01", PublishedBy = "admin-tests",
        });
        var page = await admin.PageAsAsync(Role.LeadInspector);

        // Published: the inspection page still offers adding one, as a correction; the add page says what that means.
        await page.GotoAsync($"/inspections/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a recommendation as a correction" }).ClickAsync();
        Assert.Contains("This inspection was published on 1 September 2022. Recommendations you add now are recorded as a correction",
            await page.GetByTestId("correction-warning").InnerTextAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "recommendations-add-correction");

        const string text = "review the quality of risk assessments in domestic abuse cases";
        await page.Locator("#Input_Rows_0__Addressee").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#Input_Rows_0__Text").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add recommendations" }).ClickAsync();
        Assert.Equal(["Enter the reason for the correction"], await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());
        Assert.Equal(1, (await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id })).RecommendationCount);
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "recommendations-add-correction-needs-reason");

        const string reason = "The panel agreed this recommendation but it was left out of the published report";
        await page.GetByLabel("Reason for the correction").FillAsync(reason);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add recommendations" }).ClickAsync();
        Assert.Contains("Recommendation 2 added as a correction", await page.GetByTestId("notice").InnerTextAsync());
        var made = (await tracking.ListRecommendationsAsync(new ListRecommendationsRequest { InspectionId = id })).Recommendations.OrderBy(r => r.Number).ToList();
        Assert.Equal([(1, ""), (2, reason)], made.Select(r => (r.Number, r.CorrectionReason)).ToList());

        await page.GotoAsync($"/inspections/{id}/report");
        var today = DateTime.UtcNow.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"Amended {today}", (await page.GetByTestId("amended-tag").InnerTextAsync()).Trim());
        var amendment = page.GetByTestId("amendments").Locator(".govuk-summary-list__row");
        Assert.Equal(1, await amendment.CountAsync());
        Assert.Contains("Recommendation 2 added", await amendment.InnerTextAsync());
        Assert.Contains("Reason: " + reason, await amendment.InnerTextAsync());
        var listed = page.GetByTestId("report-recommendations").Locator("li").Filter(new() { HasTextString = text });
        Assert.Contains($"Added {today} as a correction: {reason}", await listed.InnerTextAsync());
        Assert.Equal(1, await page.GetByTestId("recommendation-amended").CountAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "report-recommendation-amended");
    }

    [Fact]
    public async Task An_incomplete_case_assessment_is_counted_as_in_progress_not_assessed()
    {
        var inspection = await CaseAssessedInspection.CreateAsync(admin, "In progress");
        var page = await admin.PageAsAsync(Role.LeadInspector);

        await page.GotoAsync($"/inspections/{inspection.InspectionId}");
        var task = page.Locator("[data-task=assessments]");
        Assert.Contains("0 of 12 cases assessed, 12 in progress", await task.InnerTextAsync());
        Assert.Contains("In progress", await task.Locator(".govuk-tag").InnerTextAsync());
        await AxeCore.AssertAccessibleAsync(page);

        await page.GotoAsync($"/inspections/{inspection.InspectionId}/assessments");
        Assert.Equal("0 of 12 cases assessed, 12 in progress", (await page.GetByTestId("assessment-progress").InnerTextAsync()).Trim());
        var tags = await page.GetByTestId("assessment-cases").Locator(".govuk-tag").AllInnerTextsAsync();
        Assert.All(tags, t => Assert.StartsWith("In progress:", t.Trim()));
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "assessments-in-progress");

        await page.GotoAsync($"/inspections/{inspection.InspectionId}/publish");
        Assert.Contains("12 of 12 case assessments in progress (questions not yet answered)",
            await page.GetByTestId("publish-blockers").Locator("li").AllInnerTextsAsync());
    }

    private static RecordPublishedResultsRequest Results(string inspectionId, string requestId, IEnumerable<string> standards)
    {
        var request = new RecordPublishedResultsRequest { RequestId = requestId, InspectionId = inspectionId, Source = "admin tests", RecordedBy = "admin-tests" };
        request.Ratings.AddRange(standards.Select(s => new PublishedRating { StandardId = s, Rating = "Good" }));
        return request;
    }

    private static async Task<(string, string)> StatusOf(RecommendationTracking.RecommendationTrackingClient tracking, string id)
    {
        var i = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id });
        return (i.Status, i.PublishedOn);
    }
}
