using Inspection.Admin.Accounts;
using Inspection.Evidence.V1;
using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

[Collection(AdminCollection.Name)]
public sealed class EvidenceFormsTests(AdminFixture admin)
{
    [Fact]
    public async Task A_conflicting_change_of_evidence_is_a_clear_form_error_and_saving_again_replaces_the_version_shown()
    {
        var inspection = await CaseAssessedInspection.CreateAsync(admin, "Evidence change");
        var item = await AddEvidenceAsync(inspection.InspectionId, "Managers meet staff monthly");
        var first = await admin.PageAsAsync(Role.Inspector);
        var second = await admin.PageAsAsync(Role.LeadInspector);
        var edit = $"/inspections/{inspection.InspectionId}/evidence/{item.EvidenceId}/edit";
        await first.GotoAsync(edit);
        await second.GotoAsync(edit);
        Assert.Equal("Managers meet staff monthly", await first.GetByLabel("What the evidence shows").InputValueAsync());
        await AxeCore.AssertAccessibleAsync(first);
        await admin.ScreenshotAsync(first, "evidence-change");

        await first.GetByLabel("What the evidence shows").FillAsync("Managers meet staff every week");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        Assert.Equal("", string.Join(" ", await first.Locator(".govuk-error-summary li").AllInnerTextsAsync()));
        Assert.Equal("Evidence changed", (await first.GetByTestId("notice").InnerTextAsync()).Trim());

        // The second inspector still holds version 1: refused with a GOV.UK error, not a 500, and nothing is written.
        await second.GetByLabel("What the evidence shows").FillAsync("Managers rarely meet staff");
        var response = await second.RunAndWaitForResponseAsync(() =>
            second.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(200, response.Status);
        Assert.Contains("Someone else changed this since you opened it", await second.Locator(".govuk-error-summary").InnerTextAsync());
        Assert.Contains("Managers meet staff every week", await second.GetByTestId("stored-now").InnerTextAsync());
        Assert.Equal("Managers rarely meet staff", await second.GetByLabel("What the evidence shows").InputValueAsync());
        var stored = await Client().GetEvidenceAsync(new GetEvidenceRequest { EvidenceId = item.EvidenceId });
        Assert.Equal(("Managers meet staff every week", 2L), (stored.Summary, stored.Version));
        await AxeCore.AssertAccessibleAsync(second);
        await admin.ScreenshotAsync(second, "evidence-change-conflict");

        await second.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        Assert.Equal("Evidence changed", (await second.GetByTestId("notice").InnerTextAsync()).Trim());
        Assert.Equal("Managers rarely meet staff", (await Client().GetEvidenceAsync(new GetEvidenceRequest { EvidenceId = item.EvidenceId })).Summary);
    }

    [Fact]
    public async Task An_inspector_withdraws_evidence_with_a_reason()
    {
        var inspection = await CaseAssessedInspection.CreateAsync(admin, "Evidence withdrawal");
        var item = await AddEvidenceAsync(inspection.InspectionId, "A partnership board minute");
        var page = await admin.PageAsAsync(Role.Inspector);
        await page.GotoAsync($"/inspections/{inspection.InspectionId}/evidence");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Withdraw") }).First.ClickAsync();
        Assert.Contains("A partnership board minute", await page.GetByTestId("withdraw-item").InnerTextAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw evidence" }).ClickAsync();
        Assert.Equal(["Enter why the evidence is withdrawn"], await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "evidence-withdraw-error");

        await page.GetByLabel("Why it is withdrawn").FillAsync("Recorded against the wrong provider");
        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw evidence" }).ClickAsync();
        Assert.Equal("Evidence withdrawn", (await page.GetByTestId("notice").InnerTextAsync()).Trim());
        Assert.DoesNotContain("A partnership board minute", await page.Locator("main").InnerTextAsync());
        var stored = await Client().GetEvidenceAsync(new GetEvidenceRequest { EvidenceId = item.EvidenceId });
        Assert.True(stored.Withdrawn);
        Assert.Equal("Recorded against the wrong provider", stored.WithdrawalReason);
    }

    [Fact]
    public async Task An_inspector_enters_the_staffing_return_with_errors_from_the_form_and_from_the_service()
    {
        var inspection = await CaseAssessedInspection.CreateAsync(admin, "Staffing");
        var page = await admin.PageAsAsync(Role.Inspector);
        await page.GotoAsync($"/inspections/{inspection.InspectionId}/evidence");
        await page.GetByRole(AriaRole.Link, new() { Name = "Enter the staffing return" }).ClickAsync();
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "evidence-staffing");

        await page.FillDateAsync("Input.AsAt", "2022-05-31");
        await page.GetByLabel("Total staff in post").FillAsync("lots");
        await page.GetByLabel("Vacancy rate, all staff").FillAsync("150");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the staffing return" }).ClickAsync();
        // One submit shows the form's error and the service's together (issue 22): the figure the admin cannot read is
        // left out of what the service is asked (validate_only), the one it refuses lands on its field.
        var summary = page.Locator(".govuk-error-summary");
        Assert.Equal(["Enter total staff in post as a number, like 12.5, or leave it empty", "Vacancy rate, all staff must be a percentage from 0 to 100"],
            await summary.Locator("li").AllInnerTextsAsync());
        Assert.Equal("150", await page.GetByLabel("Vacancy rate, all staff").InputValueAsync());
        Assert.Contains("Vacancy rate, all staff must be a percentage from 0 to 100", await page.Locator("#Input_Figures_vacancy_rate_pct-error").InnerTextAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "evidence-staffing-error");

        // Numbers the admin can read but the service refuses: its field violation lands on the field.
        await page.GetByLabel("Total staff in post").FillAsync("84.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the staffing return" }).ClickAsync();
        Assert.Equal(["Vacancy rate, all staff must be a percentage from 0 to 100"], await summary.Locator("li").AllInnerTextsAsync());
        Assert.Equal("#Input_Figures_vacancy_rate_pct", await summary.Locator("a").First.GetAttributeAsync("href"));

        await page.GetByLabel("Vacancy rate, all staff").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the staffing return" }).ClickAsync();
        Assert.Equal("Staffing return recorded (version 1)", (await page.GetByTestId("notice").InnerTextAsync()).Trim());
        var staffing = await page.GetByTestId("staffing").InnerTextAsync();
        Assert.Contains("84.5", staffing);
        Assert.Contains("12 %", staffing);
    }

    [Fact]
    public async Task An_inspector_adds_a_survey_result_and_markup_in_the_question_is_shown_as_text()
    {
        var inspection = await CaseAssessedInspection.CreateAsync(admin, "Survey");
        var page = await admin.PageAsAsync(Role.Inspector);
        await page.GotoAsync($"/inspections/{inspection.InspectionId}/evidence/surveys/add");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the survey result" }).ClickAsync();
        Assert.Equal(4, await page.Locator(".govuk-error-summary li").CountAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "evidence-survey-error");

        const string question = "My manager <b id=\"injected\">supports</b> me <script>window.injected = 1</script>";
        await page.GetByLabel("Staff survey").CheckAsync();
        await page.GetByLabel("Question", new() { Exact = true }).FillAsync(question);
        await page.GetByLabel("Respondents", new() { Exact = true }).FillAsync("40");
        await page.GetByLabel("Respondents agreeing").FillAsync("52");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the survey result" }).ClickAsync();
        // More agreeing than responded: the service's refusal, on the field.
        Assert.Equal(1, await page.Locator(".govuk-error-summary a[href='#Input_Agreeing']").CountAsync());

        await page.GetByLabel("Respondents agreeing").FillAsync("25");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the survey result" }).ClickAsync();
        Assert.Equal("Survey result recorded: 63% agreeing", (await page.GetByTestId("notice").InnerTextAsync()).Trim());
        Assert.Contains(question, await page.Locator("main table").Last.InnerTextAsync());
        Assert.Equal(0, await page.Locator("#injected").CountAsync());
        Assert.False(await page.EvaluateAsync<bool>("() => window.injected === 1"));
    }

    [Fact]
    public async Task An_inspector_records_the_characteristics_of_inspected_cases_computed_from_the_sample_and_entered()
    {
        var inspection = await CaseAssessedInspection.CreateAsync(admin, "Characteristics");
        var page = await admin.PageAsAsync(Role.Inspector);
        await page.GotoAsync($"/inspections/{inspection.InspectionId}/evidence/characteristics");
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "evidence-characteristics");

        await page.GetByLabel("Compute what the sample carries").CheckAsync();
        await page.GetByLabel("Female (when not computed)").FillAsync("40");
        await page.GetByLabel("Drug misuse").FillAsync("35");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the characteristics" }).ClickAsync();
        // Female is computed from the sample: the service refuses it typed in, and says so on that field.
        Assert.Contains("cannot be entered", await page.Locator("#Input_Values_female_pct-error").InnerTextAsync());
        Assert.Equal("35", await page.GetByLabel("Drug misuse").InputValueAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "evidence-characteristics-error");

        await page.GetByLabel("Female (when not computed)").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the characteristics" }).ClickAsync();
        Assert.Equal("Characteristics of inspected cases recorded (version 1)", (await page.GetByTestId("notice").InnerTextAsync()).Trim());
        var female = await page.Locator("[data-testid=case-characteristics] tr[data-characteristic=female_pct]").InnerTextAsync();
        Assert.Contains("50%", female);
        Assert.Contains("6 of 12 cases", female);
        Assert.Contains("35%", await page.Locator("[data-testid=case-characteristics] tr[data-characteristic=drug_misuse_pct]").InnerTextAsync());
    }

    private OrganisationalEvidence.OrganisationalEvidenceClient Client() => admin.Evidence.CreateClient<OrganisationalEvidence.OrganisationalEvidenceClient>();

    private Task<EvidenceItem> AddEvidenceAsync(string inspectionId, string summary) => Client().AddEvidenceAsync(new AddEvidenceRequest
    {
        RequestId = Guid.NewGuid().ToString(), InspectionId = inspectionId, StandardId = "1.1", Source = "document",
        EvidenceDate = "2022-06-07", Summary = summary, Finding = "strength", RecordedBy = "admin-tests",
    }).ResponseAsync;
}
