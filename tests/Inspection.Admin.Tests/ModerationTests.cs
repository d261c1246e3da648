using Inspection.Admin.Accounts;
using Inspection.Scoring.V1;
using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

/// <summary>
/// Issue 22, moderation that counts, in the browser: unresolved moderation flags are listed with the other publishing
/// blockers; a lead inspector resolves one by keeping the answer (with why) and another by changing it, each shown
/// with who, when (in words) and why; the resolution form refuses bad input with form messages; every page passes axe.
/// </summary>
[Collection(AdminCollection.Name)]
public sealed class ModerationTests(AdminFixture admin)
{
    [Fact]
    public async Task Unresolved_flags_block_publication_until_a_lead_inspector_resolves_each()
    {
        var inspection = await PublishedCaseAssessedInspection.CreateAsync(admin, "Moderation blocking", publish: false);
        var id = inspection.InspectionId;
        foreach (var c in inspection.Cases) await ContradictAsync(admin, id, c.CaseReference, correctionReason: "");
        var (kept, changed) = (inspection.Cases[0].CaseReference, inspection.Cases[1].CaseReference);
        var page = await admin.PageAsAsync(Role.LeadInspector);

        await page.GotoAsync($"/inspections/{id}/publish");
        Assert.Equal("You cannot publish the inspection yet", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Contains("2 moderation flags are not resolved", await page.GetByTestId("publish-blockers").Locator("li").AllInnerTextsAsync());

        await page.GotoAsync($"/inspections/{id}/assessments");
        Assert.StartsWith("2 flags are not resolved", (await page.GetByTestId("flags-unresolved").InnerTextAsync()).Trim());
        await page.GetByRole(AriaRole.Link, new() { Name = $"Resolve the flag on case {kept}, key question 2.2.1" }).ClickAsync();
        Assert.EndsWith($"/assessments/{kept}/moderation/2.2.1", page.Url);
        Assert.Contains("2.2.1 is Yes but all", await page.GetByTestId("flag-description").InnerTextAsync());
        await AxeCore.AssertAccessibleAsync(page);

        // Nothing chosen, nothing said: refused with a message for each field, nothing recorded.
        await page.GetByRole(AriaRole.Button, new() { Name = "Resolve the flag" }).ClickAsync();
        Assert.Equal(["Select whether the answer is kept or changed", "Enter why the flag is resolved this way"],
            await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "moderation-resolve-refused");

        await page.GetByLabel("Keep the answer Yes").CheckAsync();
        await page.GetByLabel("Why").FillAsync("The practitioner's risk work was good though the prompts miss it");
        await page.GetByRole(AriaRole.Button, new() { Name = "Resolve the flag" }).ClickAsync();
        Assert.EndsWith($"/inspections/{id}/assessments", page.Url);
        Assert.Equal($"Moderation flag on case {kept}, key question 2.2.1, resolved: answer Yes kept", (await page.GetByTestId("notice").InnerTextAsync()).Trim());
        var keptRow = await page.Locator($"[data-testid=moderation-flags] tr[data-flag='{kept} 2.2.1']").InnerTextAsync();
        Assert.Contains("Answer kept", keptRow);
        Assert.Contains("The practitioner's risk work was good", keptRow);
        Assert.Matches(@"on \d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2}", keptRow);
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", keptRow);
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "moderation-flags-resolved-one");

        // One still unresolved: still a blocker, in the singular.
        await page.GotoAsync($"/inspections/{id}/publish");
        Assert.Contains("1 moderation flag is not resolved", await page.GetByTestId("publish-blockers").Locator("li").AllInnerTextsAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).CountAsync());

        await page.GotoAsync($"/inspections/{id}/assessments/{changed}/moderation/2.2.1");
        await page.GetByLabel("Change the answer to No").CheckAsync();
        await page.GetByLabel("Why").FillAsync("Re-read at moderation: the assessment did not meet the standard");
        await page.GetByRole(AriaRole.Button, new() { Name = "Resolve the flag" }).ClickAsync();
        Assert.Equal($"Moderation flag on case {changed}, key question 2.2.1, resolved: answer changed from Yes to No", (await page.GetByTestId("notice").InnerTextAsync()).Trim());
        Assert.Contains("Answer changed", await page.Locator($"[data-testid=moderation-flags] tr[data-flag='{changed} 2.2.1']").InnerTextAsync());
        Assert.Equal("Every flag is resolved.", (await page.GetByTestId("flags-unresolved").InnerTextAsync()).Trim());
        var scoring = admin.Scoring.CreateClient<AssessmentScoring.AssessmentScoringClient>();
        var assessment = await scoring.GetCaseAssessmentAsync(new GetCaseAssessmentRequest { InspectionId = id, CaseReference = changed });
        Assert.Equal("No", assessment.Answers.Single(a => a.QuestionId == "2.2.1").Answer_);

        await page.GotoAsync($"/inspections/{id}/publish");
        Assert.Equal("Check the inspection before you publish it", (await page.Locator("h1").InnerTextAsync()).Trim());
    }

    /// <summary>Records the case's assessment again with 2.2.1 Yes and every prompt under it No (a community order
    /// case: all four apply), the other answers as stored: a moderation flag.</summary>
    internal static async Task ContradictAsync(AdminFixture admin, string inspectionId, string caseReference, string correctionReason)
    {
        var scoring = admin.Scoring.CreateClient<AssessmentScoring.AssessmentScoringClient>();
        var stored = await scoring.GetCaseAssessmentAsync(new GetCaseAssessmentRequest { InspectionId = inspectionId, CaseReference = caseReference });
        var request = new RecordCaseAssessmentRequest
        {
            RequestId = Guid.NewGuid().ToString(), InspectionId = inspectionId, CaseReference = caseReference, StaffGrade = stored.StaffGrade,
            AssessedBy = "admin-tests", ExpectedVersion = stored.Version, CorrectionReason = correctionReason,
        };
        string[] contradiction = ["2.2.1", "2.2.1.p1", "2.2.1.p2", "2.2.1.p3", "2.2.1.p4"];
        request.Answers.AddRange(stored.Answers.Where(a => !contradiction.Contains(a.QuestionId)));
        request.Answers.AddRange(contradiction.Select(q => new Answer { QuestionId = q, Answer_ = q == "2.2.1" ? "Yes" : "No" }));
        Assert.NotEmpty((await scoring.RecordCaseAssessmentAsync(request)).ModerationFlags);
    }
}
