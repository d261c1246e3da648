using Inspection.Admin.Accounts;
using Inspection.Admin.Assessments;
using Inspection.Recommendations.V1;
using Inspection.Scoring.V1;
using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

/// <summary>
/// Issue 22, item 6: the reference inspections, loaded from their published reports, say only what is true of them.
/// </summary>
[Collection(AdminCollection.Name)]
public sealed class ReferenceInspectionTruthTests(AdminFixture admin)
{
    private const string Crc = "Predecessor community rehabilitation company of " + AdminFixture.Bnes;
    private const string NpsDivision = "Predecessor National Probation Service division of " + AdminFixture.Bnes;

    [Theory]
    [InlineData(AdminFixture.Bnes)]
    [InlineData("West Midlands Probation Area")]
    [InlineData(Crc)]
    public async Task A_reference_inspection_without_a_sample_offers_no_case_assessment_to_open(string provider)
    {
        var inspection = await admin.InspectionOfAsync(provider);
        var page = await admin.PageAsAsync(Role.LeadInspector);
        await page.GotoAsync($"/inspections/{inspection.InspectionId}");
        var task = page.Locator("[data-task=assessments]");
        Assert.Equal(0, await task.Locator("a").CountAsync());
        Assert.Contains("Not applicable", await task.InnerTextAsync());
    }

    [Fact]
    public async Task A_carried_recommendation_is_judged_from_the_published_report_after_the_unification()
    {
        var tracking = admin.Tracking.CreateClient<RecommendationTracking.RecommendationTrackingClient>();
        var made = await admin.InspectionOfAsync(NpsDivision);
        var recommendation = (await tracking.ListRecommendationsAsync(new ListRecommendationsRequest { InspectionId = made.InspectionId })).Recommendations[0];
        var page = await admin.PageAsAsync(Role.Viewer);
        await page.GotoAsync($"/recommendations/{recommendation.RecommendationId}");

        var timeline = await page.GetByTestId("timeline").InnerTextAsync();
        Assert.DoesNotContain("demo-data", timeline);
        Assert.Contains("from the published report", timeline);
        // Dated as the judging report was published (August 2022, the 1st where the reference gives a month).
        Assert.Contains("1 August 2022", timeline);
        var carried = await page.GetByTestId("carried-across").InnerTextAsync();
        Assert.Contains("Carried across to " + AdminFixture.Bnes, carried);
        Assert.Contains("26 June 2021", carried);
    }

    [Fact]
    public async Task The_2008_criteria_read_as_published_not_as_waiting_for_a_rating()
    {
        var inspection = await admin.InspectionOfAsync("West Midlands Probation Area");
        var page = await admin.PageAsAsync(Role.Viewer);
        await page.GotoAsync($"/inspections/{inspection.InspectionId}/ratings");
        var panel = await page.GetByTestId("ratings-panel").InnerTextAsync();
        Assert.DoesNotContain("Not rated yet", panel);
        Assert.True(await page.GetByTestId("criterion-as-published").CountAsync() >= 14);
    }

    [Fact]
    public async Task A_division_gone_at_the_unification_is_not_offered_as_an_addressee_of_a_later_inspection()
    {
        var planned = await PlannedInspection.CreateAsync(admin, "Addressees", region: "West Midlands");
        var page = await admin.PageAsAsync(Role.LeadInspector);
        await page.GotoAsync($"/inspections/{planned.InspectionId}/recommendations/add");
        var offered = await page.Locator("main select option").AllInnerTextsAsync();
        Assert.Contains(offered, o => o.Contains(planned.Provider.Name, StringComparison.Ordinal));
        Assert.DoesNotContain(offered, o => o.Contains("National Probation Service", StringComparison.Ordinal));
        Assert.DoesNotContain(offered, o => o.Contains("community rehabilitation company", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_2024_programme_offers_no_step_without_a_question_to_answer()
    {
        var scoring = admin.Scoring.CreateClient<AssessmentScoring.AssessmentScoringClient>();
        var framework = await scoring.GetFrameworkAsync(new GetFrameworkRequest { FrameworkId = "pdu-2024" });
        var caseStandards = framework.Domains.SelectMany(d => d.Standards).Where(s => s.CaseStandard).ToList();
        Assert.Contains(caseStandards, s => StandardSections.QuestionIds(s).Count == 0);   // its outcomes: none asked

        var sections = new StandardSections(framework);
        Assert.NotEmpty(sections.Standards);
        Assert.All(sections.Standards, s => Assert.NotEmpty(StandardSections.QuestionIds(s)));
        // A new case starts at none completed.
        Assert.Null(sections.Standards.FirstOrDefault(s => StandardSections.Progress(s, new Dictionary<string, string>()) is var (a, q) && a == q));
    }
}
