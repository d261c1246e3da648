using System.Text;
using Inspection.Admin.Accounts;
using Inspection.Evidence.V1;
using Inspection.Recommendations.V1;
using Inspection.Sampling.V1;
using Grpc.Core;
using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

/// <summary>
/// Issue 22, "all errors of a form shown at once": when the admin's own checks fail, the form still asks the service
/// with validate_only and one submit shows both, in the error summary and beside each field; nothing is written, and a
/// field the admin could not read is not reported twice.
/// </summary>
[Collection(AdminCollection.Name)]
public sealed class AllErrorsAtOnceTests(AdminFixture admin)
{
    private static async Task<IReadOnlyList<string>> SummaryAsync(IPage page) =>
        (await page.Locator(".govuk-error-summary li").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();

    [Fact]
    public async Task An_evidence_item_shows_a_missing_summary_and_a_date_to_come_together()
    {
        var inspection = await PlannedInspection.CreateAsync(admin, "All errors evidence");
        var page = await admin.PageAsAsync(Role.Inspector);
        await page.GotoAsync($"/inspections/{inspection.InspectionId}/evidence/add");
        await page.GetByLabel("Standard or key question").SelectOptionAsync("1.2");
        await page.FillDateAsync("Input.Date", "2099-01-01");
        await page.GetByLabel("Strength").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add evidence" }).ClickAsync();

        var summary = await SummaryAsync(page);
        Assert.Equal(2, summary.Count);
        Assert.Contains("Enter what the evidence shows", summary);
        Assert.Contains(summary, s => s.StartsWith("The date of the evidence cannot be after today (", StringComparison.Ordinal));
        Assert.Contains("cannot be after today", await page.Locator("#Input_Date-error").InnerTextAsync());
        Assert.Contains("Enter what the evidence shows", await page.Locator("#Input_Summary-error").InnerTextAsync());
        var listed = await admin.Evidence.CreateClient<OrganisationalEvidence.OrganisationalEvidenceClient>()
            .ListEvidenceAsync(new ListEvidenceRequest { InspectionId = inspection.InspectionId });
        Assert.Empty(listed.Items);
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "all-errors-evidence");
    }

    [Fact]
    public async Task A_staffing_return_shows_a_figure_that_is_not_a_number_and_a_date_to_come_together()
    {
        var inspection = await PlannedInspection.CreateAsync(admin, "All errors staffing");
        var page = await admin.PageAsAsync(Role.Inspector);
        await page.GotoAsync($"/inspections/{inspection.InspectionId}/evidence/staffing");
        await page.FillDateAsync("Input.AsAt", "2099-01-01");
        await page.GetByLabel("Total staff in post", new() { Exact = true }).FillAsync("eighty");
        await page.GetByLabel("Probation officers in post", new() { Exact = true }).FillAsync("40");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the staffing return" }).ClickAsync();

        var summary = await SummaryAsync(page);
        Assert.Equal(2, summary.Count);
        Assert.Contains("Enter total staff in post as a number, like 12.5, or leave it empty", summary);
        Assert.Contains(summary, s => s.Contains("cannot be after today", StringComparison.Ordinal));
        Assert.Contains("cannot be after today", await page.Locator("#Input_AsAt-error").InnerTextAsync());
        await AxeCore.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task A_provider_edit_shows_a_missing_name_and_an_end_before_its_start_together()
    {
        var tracking = admin.Tracking.CreateClient<RecommendationTracking.RecommendationTrackingClient>();
        var provider = await tracking.CreateProviderAsync(new CreateProviderRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = $"All errors PDU {Guid.NewGuid():N}", Type = "pdu", Region = "Wales", CreatedBy = "admin-tests",
        });
        var page = await admin.PageAsAsync(Role.LeadInspector);
        await page.GotoAsync($"/providers/{provider.ProviderId}/edit");
        await page.GetByLabel("Name").FillAsync("");
        await page.FillDateAsync("Input.ActiveFrom", "2021-06-26");
        await page.FillDateAsync("Input.ActiveTo", "2020-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the provider" }).ClickAsync();

        var summary = await SummaryAsync(page);
        Assert.Equal(2, summary.Count);
        Assert.Contains("Enter the provider's name", summary);
        Assert.Contains(summary, s => s.StartsWith("Active to", StringComparison.Ordinal));
        Assert.Equal(1, await page.Locator("#Input_ActiveTo-error").CountAsync());
        var stored = await tracking.GetProviderAsync(new GetProviderRequest { ProviderId = provider.ProviderId });
        Assert.Equal((provider.Name, provider.Version), (stored.Name, stored.Version));
        await AxeCore.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task A_new_inspection_shows_a_missing_framework_and_fieldwork_that_ends_before_it_starts_together()
    {
        var tracking = admin.Tracking.CreateClient<RecommendationTracking.RecommendationTrackingClient>();
        var provider = await tracking.CreateProviderAsync(new CreateProviderRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = $"All errors inspection PDU {Guid.NewGuid():N}", Type = "pdu", Region = "Wales", CreatedBy = "admin-tests",
        });
        var page = await admin.PageAsAsync(Role.LeadInspector);
        await page.GotoAsync($"/inspections/new?provider={provider.ProviderId}");
        await page.FillDateAsync("Input.FieldworkStart", "2024-03-11");
        await page.FillDateAsync("Input.FieldworkEnd", "2024-03-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the inspection" }).ClickAsync();

        var summary = await SummaryAsync(page);
        Assert.Equal(2, summary.Count);
        Assert.Contains("Select the inspection framework", summary);
        Assert.Contains(summary, s => s.StartsWith("Fieldwork end", StringComparison.Ordinal));
        Assert.Equal(1, await page.Locator("#Input_FieldworkEnd-error").CountAsync());
        var inspections = await tracking.ListInspectionsAsync(new ListInspectionsRequest { ProviderId = provider.ProviderId });
        Assert.Empty(inspections.Inspections);
        await AxeCore.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task A_new_provider_shows_a_missing_type_and_an_end_before_its_start_together()
    {
        var name = $"All errors new PDU {Guid.NewGuid():N}";
        var page = await admin.PageAsAsync(Role.LeadInspector);
        await page.GotoAsync("/providers/new");
        await page.GetByLabel("Name").FillAsync(name);
        await page.FillDateAsync("Input.ActiveFrom", "2021-06-26");
        await page.FillDateAsync("Input.ActiveTo", "2020-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the provider" }).ClickAsync();

        var summary = await SummaryAsync(page);
        Assert.Contains("Select the type of provider", summary);
        Assert.Contains(summary, s => s.StartsWith("Active to", StringComparison.Ordinal));
        var providers = await admin.Tracking.CreateClient<RecommendationTracking.RecommendationTrackingClient>()
            .ListProvidersAsync(new ListProvidersRequest { PageSize = 200 });
        Assert.DoesNotContain(providers.Providers, p => p.Name == name);
        await AxeCore.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task A_caseload_upload_shows_a_missing_file_and_a_date_taken_to_come_together()
    {
        var inspection = await PlannedInspection.CreateAsync(admin, "All errors caseload");
        var page = await admin.PageAsAsync(Role.LeadInspector);
        await page.GotoAsync($"/inspections/{inspection.InspectionId}/sample/import");
        await page.FillDateAsync("TakenOn", "2099-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import caseload" }).ClickAsync();

        var summary = await SummaryAsync(page);
        Assert.Equal(2, summary.Count);
        Assert.Contains("Select a caseload CSV file", summary);
        Assert.Contains(summary, s => s.StartsWith("The date the caseload was taken cannot be after today (", StringComparison.Ordinal));
        var snapshots = await admin.Sampling.CreateClient<CaseSampling.CaseSamplingClient>()
            .ListSnapshotsAsync(new ListSnapshotsRequest { ProviderId = inspection.Provider.ProviderId });
        Assert.Empty(snapshots.Snapshots);
        await AxeCore.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task A_date_taken_that_is_not_one_is_told_once_though_the_service_was_asked_too()
    {
        var inspection = await PlannedInspection.CreateAsync(admin, "All errors rows");
        var page = await admin.PageAsAsync(Role.LeadInspector);
        await page.GotoAsync($"/inspections/{inspection.InspectionId}/sample/import");
        await page.FillDateAsync("TakenOn", "31", "2", "2022");
        await page.GetByLabel("Caseload CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "broken.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("case_reference,sentence_type\nA1,not a sentence\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import caseload" }).ClickAsync();

        var summary = await SummaryAsync(page);
        Assert.Contains("Date the caseload was taken must be a real date", summary);
        Assert.Equal(1, summary.Count(s => s.StartsWith("Date the caseload was taken", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_survey_result_shows_a_missing_question_and_more_agreeing_than_responded_together()
    {
        var inspection = await PlannedInspection.CreateAsync(admin, "All errors survey");
        var page = await admin.PageAsAsync(Role.Inspector);
        await page.GotoAsync($"/inspections/{inspection.InspectionId}/evidence/surveys/add");
        await page.GetByLabel("Staff survey").CheckAsync();
        await page.GetByLabel("Respondents", new() { Exact = true }).FillAsync("120");
        await page.GetByLabel("Respondents agreeing").FillAsync("130");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the survey result" }).ClickAsync();

        var summary = await SummaryAsync(page);
        Assert.Equal(2, summary.Count);
        Assert.Contains("Enter the survey question", summary);
        Assert.Contains(summary, s => s.StartsWith("Respondents agreeing", StringComparison.Ordinal) && s.Contains("130", StringComparison.Ordinal));
        Assert.Equal(1, await page.Locator(".govuk-error-summary a[href='#Input_Agreeing']").CountAsync());
        Assert.Contains("130", await page.Locator("#Input_Agreeing-error").InnerTextAsync());
        var results = await admin.Evidence.CreateClient<OrganisationalEvidence.OrganisationalEvidenceClient>()
            .ListSurveyResultsAsync(new ListSurveyResultsRequest { InspectionId = inspection.InspectionId });
        Assert.Empty(results.Results);
        await AxeCore.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Case_characteristics_show_a_figure_that_is_not_a_number_and_a_percentage_over_100_together()
    {
        var inspection = await PlannedInspection.CreateAsync(admin, "All errors characteristics");
        var page = await admin.PageAsAsync(Role.Inspector);
        await page.GotoAsync($"/inspections/{inspection.InspectionId}/evidence/characteristics");
        await page.GetByLabel("Drug misuse").FillAsync("lots");
        await page.GetByLabel("Female (when not computed)").FillAsync("150");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the characteristics" }).ClickAsync();

        var summary = await SummaryAsync(page);
        Assert.Equal(2, summary.Count);
        Assert.Contains(summary, s => s.Contains("drug misuse", StringComparison.OrdinalIgnoreCase) && s.Contains("as a number", StringComparison.Ordinal));
        Assert.Contains("0 to 100", await page.Locator("#Input_Values_female_pct-error").InnerTextAsync());
        var refusal = await Assert.ThrowsAsync<RpcException>(async () => await admin.Evidence.CreateClient<OrganisationalEvidence.OrganisationalEvidenceClient>()
            .GetCaseCharacteristicsAsync(new GetCaseCharacteristicsRequest { InspectionId = inspection.InspectionId }));
        Assert.Equal(StatusCode.NotFound, refusal.StatusCode);
        await AxeCore.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task A_judgement_shows_a_missing_rating_and_a_departure_without_its_rationale_or_who_agreed_it_together()
    {
        var inspection = await PlannedInspection.CreateAsync(admin, "All errors judgement");
        var page = await admin.PageAsAsync(Role.LeadInspector);
        await page.GotoAsync($"/inspections/{inspection.InspectionId}/evidence/judgement/1.1");
        await page.GetByLabel("The ratings panel departs").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save judgement" }).ClickAsync();

        var summary = await SummaryAsync(page);
        Assert.Equal(3, summary.Count);
        Assert.Contains("Select a rating", summary);
        Assert.Contains("panel departure needs a written rationale", await page.Locator("#Input_Rationale-error").InnerTextAsync());
        Assert.Contains("panel departure needs the name of who agreed it", await page.Locator("#Input_AgreedBy-error").InnerTextAsync());
        var judgements = await admin.Evidence.CreateClient<OrganisationalEvidence.OrganisationalEvidenceClient>()
            .GetJudgementsAsync(new GetJudgementsRequest { InspectionId = inspection.InspectionId });
        Assert.Empty(judgements.Judgements);
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "all-errors-judgement");
    }

    [Fact]
    public async Task A_draw_shows_a_seed_that_is_not_a_number_and_a_sample_of_no_cases_together()
    {
        var inspectionId = await DrawFormTests.InspectionWithCaseloadAsync(admin);
        var page = await admin.PageAsAsync(Role.LeadInspector);
        await page.GotoAsync($"/inspections/{inspectionId}/sample/draw");
        await page.GetByLabel("Number of cases", new() { Exact = true }).FillAsync("0");
        await page.FillDateAsync("Input.Windows[0].From", "2021-10-01");
        await page.FillDateAsync("Input.Windows[0].To", "2021-12-31");
        await page.GetByLabel("Seed (optional)").FillAsync("five");
        await page.GetByRole(AriaRole.Button, new() { Name = "Draw the sample" }).ClickAsync();

        var summary = await SummaryAsync(page);
        Assert.Equal(2, summary.Count);
        Assert.Contains("Enter the seed as a whole number, or leave it empty for a new one", summary);
        Assert.Contains("A fixed sample size must be at least 1", summary);
        Assert.Equal(1, await page.Locator(".govuk-error-summary a[href='#Input_FixedSize']").CountAsync());
        var samples = await admin.Sampling.CreateClient<CaseSampling.CaseSamplingClient>().ListSamplesAsync(new ListSamplesRequest { InspectionId = inspectionId });
        Assert.Empty(samples.Samples);
        await AxeCore.AssertAccessibleAsync(page);
    }
}
