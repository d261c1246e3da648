using Inspection.Admin.Accounts;
using Inspection.Sampling.V1;
using Inspection.Scoring.V1;
using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

/// <summary>
/// Issue 19 in the admin: a substituted case's assessment is listed as set aside with the reason and date, and drawing
/// again once cases are assessed asks for confirmation naming how many assessments will be set aside, and records it.
/// </summary>
[Collection(AdminCollection.Name)]
public sealed class SetAsideTests(AdminFixture admin)
{
    [Fact]
    public async Task A_substituted_case_s_assessment_is_shown_set_aside_and_drawing_again_asks_to_confirm_the_assessments_set_aside()
    {
        var inspection = await SampledInspection.CreateAsync(admin, "Set aside");
        var sampling = admin.Sampling.CreateClient<CaseSampling.CaseSamplingClient>();
        var scoring = admin.Scoring.CreateClient<AssessmentScoring.AssessmentScoringClient>();
        foreach (var c in inspection.Cases.Take(2))
        {
            var assessment = new RecordCaseAssessmentRequest
            {
                RequestId = $"a-{inspection.InspectionId}-{c.CaseReference}", InspectionId = inspection.InspectionId, CaseReference = c.CaseReference,
                StaffGrade = "PO", AssessedBy = AdminFixture.EmailFor(Role.Inspector), ExpectedVersion = 0,
            };
            assessment.Answers.Add(new Answer { QuestionId = "2.2.1", Answer_ = "Yes" });
            await scoring.RecordCaseAssessmentAsync(assessment);
        }
        var leaving = inspection.Cases[0];
        var substitution = await sampling.SubstituteCaseAsync(new SubstituteCaseRequest
        {
            RequestId = "sub-" + inspection.InspectionId, SampleId = inspection.Cases[0].SampleId, CaseReference = leaving.CaseReference,
            Reason = "transferred out", SubstitutedBy = "admin-tests",
        });

        var page = await admin.PageAsAsync(Role.LeadInspector);
        await page.GotoAsync($"/inspections/{inspection.InspectionId}/assessments");
        var row = page.Locator($"[data-testid=set-aside] tr[data-set-aside='{leaving.CaseReference}']");
        Assert.Equal(1, await page.Locator("[data-testid=set-aside] tbody tr").CountAsync());
        var cells = await row.Locator("td").AllInnerTextsAsync();
        Assert.Equal($"Substituted by {substitution.AddedCaseReference}: transferred out", cells[2].Trim());
        Assert.StartsWith(DateTime.UtcNow.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), cells[3].Trim());
        // The case left the sample: it is no longer listed among the sampled cases, and the progress counts 1 assessed case.
        Assert.Equal(0, await page.Locator($"[data-testid=assessment-cases] tr[data-case='{leaving.CaseReference}']").CountAsync());
        Assert.Contains("of 6 cases assessed, 1 in progress", await page.GetByTestId("assessment-progress").InnerTextAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "assessments-set-aside");

        // Drawing again: the form warns that the one assessment counted now will be set aside, and asks to confirm.
        await page.GotoAsync($"/inspections/{inspection.InspectionId}/sample/draw");
        Assert.Contains("1 case in the current sample is assessed", await page.GetByTestId("set-aside-warning").InnerTextAsync());
        await page.GetByLabel("Number of cases", new() { Exact = true }).FillAsync("6");
        await page.FillDateAsync("Input.Windows[0].From", "2021-11-01");
        await page.FillDateAsync("Input.Windows[0].To", "2021-11-30");
        await page.GetByLabel("Seed (optional)").FillAsync("8");
        await page.GetByRole(AriaRole.Button, new() { Name = "Draw the sample" }).ClickAsync();
        Assert.Equal(["Confirm that the assessments of 1 case in the current sample will be set aside"], await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());
        Assert.Single((await sampling.ListSamplesAsync(new ListSamplesRequest { InspectionId = inspection.InspectionId })).Samples);
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "sample-draw-again-confirm");

        await page.GetByLabel("Set aside the assessments of 1 case and draw again").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Draw the sample" }).ClickAsync();
        Assert.EndsWith($"/inspections/{inspection.InspectionId}/sample", page.Url);
        Assert.Equal("Sample drawn: 6 cases with seed 8; the assessments of 1 case in the earlier sample are set aside", (await page.GetByTestId("notice").InnerTextAsync()).Trim());
        Assert.Contains("set aside the assessments of 1 case in the earlier sample", await page.GetByTestId("set-aside-at-draw").InnerTextAsync());
        var current = (await sampling.ListSamplesAsync(new ListSamplesRequest { InspectionId = inspection.InspectionId })).Samples.Single(s => s.Current);
        Assert.Equal(1, (await sampling.GetSampleAsync(new GetSampleRequest { SampleId = current.SampleId })).Parameters.AssessmentsSetAside);

        await page.GotoAsync($"/inspections/{inspection.InspectionId}/assessments");
        var setAside = await page.Locator("[data-testid=set-aside] tbody tr td:nth-child(3)").AllInnerTextsAsync();
        Assert.Equal(2, setAside.Count);
        Assert.Contains("The sample was drawn again", setAside.Select(s => s.Trim()));
        Assert.Contains("0 of 6 cases assessed, 0 in progress", await page.GetByTestId("assessment-progress").InnerTextAsync());
        await AxeCore.AssertAccessibleAsync(page);
    }
}
