using Inspection.Admin.Accounts;
using Inspection.Recommendations.V1;
using Inspection.Scoring.V1;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;

namespace Inspection.Admin.Tests;

/// <summary>
/// Issue 19 in the admin: a published inspection's ratings are shown as published; when the data under them changes
/// the inspection is listed for review with both figures side by side, nothing changes until a lead inspector records a
/// correction with a reason, and the report then shows the inspection as amended.
/// </summary>
[Collection(AdminCollection.Name)]
public sealed class PublishedFiguresReviewTests(AdminFixture admin)
{
    [Fact]
    public async Task A_changed_figure_is_listed_for_review_side_by_side_and_changes_the_report_only_by_a_correction()
    {
        var tracking = admin.Tracking.CreateClient<RecommendationTracking.RecommendationTrackingClient>();
        var scoring = admin.Scoring.CreateClient<AssessmentScoring.AssessmentScoringClient>();
        var planned = await PlannedInspection.CreateAsync(admin, "Published figures");
        var id = planned.Inspection.InspectionId;
        var framework = await scoring.GetFrameworkAsync(new GetFrameworkRequest { InspectionId = id });
        var results = new RecordPublishedResultsRequest { RequestId = "results-" + planned.Unique, InspectionId = id, Source = "admin tests", RecordedBy = "admin-tests" };
        results.Ratings.AddRange(framework.Domains.SelectMany(d => d.Standards).Where(s => s.Rated).Select(s => new PublishedRating { StandardId = s.StandardId, Rating = "Good" }));
        await scoring.RecordPublishedResultsAsync(results);
        var current = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id });
        await tracking.PublishInspectionAsync(new PublishInspectionRequest
        {
            RequestId = "publish-" + planned.Unique, InspectionId = id, ExpectedVersion = current.Version, PublishedOn = "2022-09-01", PublishedBy = "admin-tests",
        });

        // The data under the published figures changes behind the service's back.
        await using (var dataSource = NpgsqlDataSource.Create(admin.Scoring.Services.GetRequiredService<IConfiguration>()["ConnectionStrings:Default"]!))
        await using (var command = dataSource.CreateCommand("UPDATE published_ratings SET rating = 'Inadequate' WHERE inspection_id = @id AND standard_id = '2.2'"))
        {
            command.Parameters.AddWithValue("id", id);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var page = await admin.PageAsAsync(Role.LeadInspector);
        await page.GotoAsync($"/inspections/{id}/ratings");
        Assert.StartsWith("As published: these figures were stored", (await page.GetByTestId("figures-as-published").InnerTextAsync()).Trim());
        Assert.Equal("Good", (await page.Locator("[data-testid=standard-ratings] tr[data-standard='2.2'] .govuk-tag").First.InnerTextAsync()).Trim());
        await page.GetByRole(AriaRole.Link, new() { Name = "Check them against the figures computed now" }).ClickAsync();

        Assert.Contains("differ from version 1 as published", await page.GetByTestId("figures-differ").InnerTextAsync());
        var row = await page.Locator("[data-testid=figure-differences] tr[data-figure='Standard 2.2 Assessment: rating'] td").AllInnerTextsAsync();
        Assert.Equal(["Good", "Inadequate"], row.Select(c => c.Trim()));
        Assert.Equal(["As published"], (await page.Locator("[data-testid=figure-versions] tbody tr td:nth-child(2)").AllInnerTextsAsync()).Select(c => c.Trim()));
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "published-figures-review");

        await page.GetByRole(AriaRole.Link, new() { Name = "Every published inspection whose figures need review" }).ClickAsync();
        var listed = page.Locator($"[data-testid=figure-reviews] tr[data-review='{id}']");
        Assert.Contains(planned.Provider.Name, await listed.InnerTextAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "published-figures-to-review");

        await listed.GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a correction of the published figures" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Store the corrected figures" }).ClickAsync();
        Assert.Equal(["Enter why the published figures change"], await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "published-figures-correct");
        await page.GetByLabel("Reason for the correction").FillAsync("The report's rating of Assessment was misprinted");
        await page.GetByRole(AriaRole.Button, new() { Name = "Store the corrected figures" }).ClickAsync();

        Assert.EndsWith($"/inspections/{id}/published-figures", page.Url);
        Assert.Equal("The corrected figures are stored as version 2; the report shows the inspection as amended", (await page.GetByTestId("notice").InnerTextAsync()).Trim());
        Assert.Equal(["As published", "Corrected"], (await page.Locator("[data-testid=figure-versions] tbody tr td:nth-child(2)").AllInnerTextsAsync()).Select(c => c.Trim()));
        Assert.Contains("version 2", await page.GetByTestId("figures-agree").InnerTextAsync());
        await page.GotoAsync($"/inspections/{id}/report");
        Assert.StartsWith("Amended", (await page.GetByTestId("amended-tag").InnerTextAsync()).Trim());
        Assert.Contains("The report's rating of Assessment was misprinted", await page.GetByTestId("amendments").InnerTextAsync());
        await AxeCore.AssertAccessibleAsync(page);
    }
}
