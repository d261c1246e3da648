using System.Globalization;
using System.Text.RegularExpressions;
using Inspection.Admin.Accounts;
using Inspection.Admin.Progress;
using Inspection.Recommendations.V1;
using Inspection.Scoring.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

/// <summary>
/// The measured change behind a progress judgement (issue 23), as a lead inspector: link a recommendation to a key
/// question, then at the provider's next inspection judge its progress with the key question's change at both
/// inspections shown, and see the warning when the judgement disagrees with it.
/// </summary>
[Collection(AdminCollection.Name)]
public sealed partial class MeasuredChangeTests(AdminFixture admin)
{
    private RecommendationTracking.RecommendationTrackingClient Tracking => admin.Tracking.CreateClient<RecommendationTracking.RecommendationTrackingClient>();

    [Fact]
    public void A_change_reads_in_whole_points_with_its_interval_in_words()
    {
        Assert.Equal("rose by 20 percentage points (95% interval 5 to 33)",
            ChangeWords.Difference(new MeasuredChange { DifferencePct = 20.0, DifferenceLowerPct = 5.24, DifferenceUpperPct = 33.39 }));
        Assert.Equal("fell by 20 percentage points (95% interval 5 to 33)",
            ChangeWords.Difference(new MeasuredChange { DifferencePct = -20.0, DifferenceLowerPct = -33.39, DifferenceUpperPct = -5.24 }));
        Assert.Equal("rose by 3 percentage points (95% interval from a fall of 10 to a rise of 16)",
            ChangeWords.Difference(new MeasuredChange { DifferencePct = 2.5, DifferenceLowerPct = -9.6, DifferenceUpperPct = 15.5 }));
        Assert.Equal("did not change (95% interval from a fall of 12 to a rise of 12)",
            ChangeWords.Difference(new MeasuredChange { DifferencePct = 0.2, DifferenceLowerPct = -12, DifferenceUpperPct = 12 }));
        Assert.Equal("", ChangeWords.Difference(new MeasuredChange()));
        Assert.Equal("48 of 80 (60%)", ChangeWords.Figure(new KeyQuestionMeasure { K = 48, N = 80, Pct = 60 }));
    }

    [Fact]
    public async Task At_the_next_inspection_the_linked_key_questions_change_is_shown_and_a_judgement_that_disagrees_is_warned_of()
    {
        // The inspection that made the recommendation: key question 2.2.1 Yes in 3 of 12 sampled cases.
        var yes = 0;
        var earlier = await CaseAssessedInspection.CreateAsync(admin, "Measured change", 12, (_, _) => [("2.2.1", yes++ < 3 ? "Yes" : "No")], caseload: 40);
        var inspection = await Tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = earlier.InspectionId });
        var added = await Tracking.AddRecommendationsAsync(new AddRecommendationsRequest
        {
            RequestId = Guid.NewGuid().ToString(), InspectionId = earlier.InspectionId, ExpectedVersion = inspection.Version, RecordedBy = "admin-tests",
            Recommendations = { new NewRecommendation { AddresseeGroup = "provider", AddresseeProviderId = earlier.ProviderId, Text = "engage people on probation in their assessment" } },
        });
        var calendar = admin.Tracking.Services.GetRequiredService<Inspection.Recommendations.Application.InspectionCalendar>();
        await calendar.RecordEarlierPublicationAsync(Guid.NewGuid().ToString(),
            Inspection.Recommendations.Domain.Inspections.InspectionPublication.Create(earlier.InspectionId, "2022-09-01", "admin-tests"), added.Inspection.Version, default);
        var recommendation = added.Recommendations.Single();

        // The provider's next inspection: 2.2.1 Yes in every sampled case.
        var provider = await Tracking.GetProviderAsync(new GetProviderRequest { ProviderId = earlier.ProviderId });
        var next = await Tracking.CreateInspectionAsync(new CreateInspectionRequest
        {
            RequestId = Guid.NewGuid().ToString(), ProviderId = earlier.ProviderId, FrameworkId = "pdu-2021-2023", FieldworkStart = "2023-05-01", CreatedBy = "admin-tests",
        });
        await CaseAssessedInspection.CreateAsync(admin, "Measured change", 12, (_, _) => [("2.2.1", "Yes")], caseload: 40,
            planned: new PlannedInspection(provider, next, Guid.NewGuid().ToString("N")[..8]));

        // Link the recommendation to the key question it is about, after publication, with no correction.
        var page = await admin.PageAsAsync(Role.LeadInspector);
        await page.GotoAsync($"/recommendations/{recommendation.RecommendationId}");
        Assert.Contains("Not linked to any standard or key question", await page.GetByTestId("links").InnerTextAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Change the standards and key questions it is about" }).ClickAsync();
        Assert.Equal("Which standards and key questions is it about?", (await page.Locator("h1").InnerTextAsync()).Trim());
        await AxeCore.AssertAccessibleAsync(page);
        await page.GetByLabel("2.2.1 Does assessment focus sufficiently on engaging the person on probation?").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save links" }).ClickAsync();
        Assert.EndsWith($"/recommendations/{recommendation.RecommendationId}", page.Url);
        Assert.Contains("Key question 2.2.1: Does assessment focus sufficiently on engaging the person on probation?", await page.GetByTestId("links").InnerTextAsync());
        var stored = await Tracking.GetRecommendationAsync(new GetRecommendationRequest { RecommendationId = recommendation.RecommendationId });
        Assert.Equal((recommendation.Version, ""), (stored.Version, stored.CorrectionReason));

        // At the next inspection: the key question at both inspections and the change, as scoring measured it.
        var served = (await admin.Scoring.CreateClient<AssessmentScoring.AssessmentScoringClient>().CompareKeyQuestionsAsync(new CompareKeyQuestionsRequest
        {
            EarlierInspectionId = earlier.InspectionId, LaterInspectionId = next.InspectionId, KeyQuestionIds = { "2.2.1" },
        })).Changes.Single();
        await page.GotoAsync($"/inspections/{next.InspectionId}/progress/{recommendation.RecommendationId}");
        var row = page.Locator("[data-testid=measured-change] tr[data-question='2.2.1']");
        var cells = await row.Locator("td").AllInnerTextsAsync();
        Assert.Equal("3 of 12 (25%)", cells[1].Trim());
        Assert.Equal("12 of 12 (100%)", cells[2].Trim());
        var words = IntervalWords().Match(cells[3].Trim());
        Assert.True(words.Success, cells[3]);
        Assert.Equal((75, Whole(served.DifferenceLowerPct), Whole(served.DifferenceUpperPct)),
            (int.Parse(words.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(words.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(words.Groups[3].Value, CultureInfo.InvariantCulture)));
        Assert.True(served.DifferenceLowerPct > 0, "the rise is wholly above zero");
        Assert.Equal(0, await page.GetByTestId("measurement-disagrees").CountAsync());
        await AxeCore.AssertAccessibleAsync(page);

        // No progress against a clear rise: the page warns once, and saves when asked again.
        await page.GetByLabel("No progress").CheckAsync();
        await page.GetByLabel("Findings").FillAsync("Assessments still do not involve people on probation.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save judgement" }).ClickAsync();
        var warning = await page.GetByTestId("measurement-disagrees").InnerTextAsync();
        Assert.Contains("The judgement No progress disagrees with the measured change: key question 2.2.1 rose by 75 percentage points", warning);
        Assert.Null((await Tracking.GetRecommendationAsync(new GetRecommendationRequest { RecommendationId = recommendation.RecommendationId })).LatestJudgement);
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "measured-change-disagrees");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save judgement anyway" }).ClickAsync();
        Assert.EndsWith($"/inspections/{next.InspectionId}/progress", page.Url);
        Assert.Contains("Judgement recorded: No progress", await page.GetByTestId("notice").InnerTextAsync());

        // Revising it to Sufficient progress agrees with the rise: saved at once, with no warning.
        await page.GotoAsync($"/inspections/{next.InspectionId}/progress/{recommendation.RecommendationId}");
        Assert.Equal(1, await page.GetByTestId("measurement-disagrees").CountAsync());   // the No progress standing now
        await page.GetByLabel("Sufficient progress").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save judgement" }).ClickAsync();
        Assert.Contains("Judgement recorded: Sufficient progress", await page.GetByTestId("notice").InnerTextAsync());
    }

    private static int Whole(double pct) => (int)Math.Round(pct, MidpointRounding.AwayFromZero);

    [GeneratedRegex(@"^rose by (\d+) percentage points \(95% interval (\d+) to (\d+)\)$")]
    private static partial Regex IntervalWords();
}
