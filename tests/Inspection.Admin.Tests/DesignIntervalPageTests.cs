using Inspection.Admin.Accounts;
using Inspection.Scoring.V1;

namespace Inspection.Admin.Tests;

/// <summary>
/// Issue 21 item 6 on the ratings page: each key question's interval is the one from how the sample was drawn, with
/// its achieved margin in words an inspector can read; a census has none; published figures say theirs is Wilson's
/// and why.
/// </summary>
[Collection(AdminCollection.Name)]
public sealed class DesignIntervalPageTests(AdminFixture admin)
{
    private async Task<KeyQuestionResult> ServedAsync(string inspectionId, string questionId) =>
        (await admin.Scoring.CreateClient<AssessmentScoring.AssessmentScoringClient>()
            .GetInspectionRatingsAsync(new GetInspectionRatingsRequest { InspectionId = inspectionId }))
        .Standards.SelectMany(s => s.KeyQuestions).Single(q => q.QuestionId == questionId);

    [Fact]
    public async Task A_key_question_shows_its_design_interval_and_its_margin_in_words()
    {
        var inspection = await CaseAssessedInspection.CreateAsync(admin, "Margin", caseload: 48);
        var served = await ServedAsync(inspection.InspectionId, "2.2.1");
        Assert.Equal("korn_graubard", served.IntervalMethod);
        var page = await admin.PageAsAsync(Role.Viewer);
        await page.GotoAsync($"/inspections/{inspection.InspectionId}/ratings");

        var cell = page.Locator("[data-testid=key-questions-2\\.2] tr[data-question='2.2.1'] [data-testid=interval]");
        Assert.Contains($"{served.DesignCiLowerPct:0.0} to {served.DesignCiUpperPct:0.0}", await cell.InnerTextAsync());
        Assert.Equal($"a margin of plus or minus {Math.Round(served.MarginOfErrorPct, MidpointRounding.AwayFromZero):0} points at 12 cases",
            await cell.GetByTestId("margin").InnerTextAsync());
        Assert.Contains("allows for how the sample was drawn", await page.GetByTestId("interval-explained").InnerTextAsync());
        // One stratum drawn in proportion: self-weighting, so no caseload estimate beside the printed figure.
        Assert.Equal(0, await page.GetByTestId("caseload-estimate").CountAsync());
        await AxeCore.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task A_census_has_no_margin_and_published_figures_say_their_interval_is_wilsons()
    {
        var census = await CaseAssessedInspection.CreateAsync(admin, "Census");
        var page = await admin.PageAsAsync(Role.Viewer);
        await page.GotoAsync($"/inspections/{census.InspectionId}/ratings");
        var row = page.Locator("[data-testid=key-questions-2\\.2] tr[data-question='2.2.1']");
        Assert.Equal("no margin to speak of at 12 cases (nearly every case was sampled)", await row.GetByTestId("margin").InnerTextAsync());
        // 6 of 12 is borderline by Wilson's interval (still on the wire as borderline) but not when every case was assessed.
        Assert.Equal(0, await page.GetByTestId("borderline").CountAsync());

        var bnes = await admin.InspectionOfAsync(AdminFixture.Bnes);
        await page.GotoAsync($"/inspections/{bnes.InspectionId}/ratings");
        // Every key question the report gives n for has an interval, and each of those says it is Wilson's and why.
        var methods = await page.GetByTestId("interval-method").AllInnerTextsAsync();
        var intervals = (await page.GetByTestId("interval").AllInnerTextsAsync()).Count(t => !t.StartsWith('–'));
        Assert.Equal(intervals, methods.Count);
        Assert.All(methods, m => Assert.Equal("Wilson interval: how the sample was drawn is not known (figures from the published report), so it is treated as a simple random sample.", m));
        Assert.Equal(0, await page.GetByTestId("interval-explained").CountAsync());
        Assert.Equal(methods.Count, await page.GetByTestId("margin").CountAsync());
    }
}
