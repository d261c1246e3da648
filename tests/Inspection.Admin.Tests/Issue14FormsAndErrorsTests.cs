using System.Text;
using Inspection.Admin.Accounts;
using Inspection.Recommendations.V1;
using Inspection.Sampling.V1;
using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

/// <summary>
/// Issue 14, items 7 and 8: GOV.UK date inputs, values chosen rather than typed, the calculator filled from the
/// caseload, the import page's column list and template, and every bad input answered by a GOV.UK error message in
/// the page's own words (never a proto field name, yyyy-MM-dd, "meaning 5" or an internal error).
/// </summary>
[Collection(AdminCollection.Name)]
public sealed class Issue14FormsAndErrorsTests(AdminFixture admin)
{
    private static readonly string[] NeverShown = ["fieldwork_start", "fieldwork_end", "yyyy-MM-dd", "meaning", "internal error", "reserves_per_stratum", "total_staff_fte", "figures."];

    private static async Task AssertPlainWordsAsync(IPage page)
    {
        var text = await page.Locator("main").InnerTextAsync();
        foreach (var word in NeverShown) Assert.DoesNotContain(word, text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Fieldwork_dates_are_gov_uk_date_inputs_and_their_errors_name_the_fields_as_labelled_in_page_order()
    {
        var inspection = await CaseAssessedInspection.CreateAsync(admin, "Dates");
        var page = await admin.PageAsAsync(Role.LeadInspector);
        await page.GotoAsync($"/inspections/new?provider={inspection.ProviderId}");
        Assert.Equal(3, await page.Date("Input.FieldworkStart").Locator("input").CountAsync());
        await page.GetByLabel("Framework").SelectOptionAsync("pdu-2021-2023");

        // The admin's own checks: both dates wrong, listed in page order.
        await page.FillDateAsync("Input.FieldworkEnd", "31", "2", "2025");
        await page.FillDateAsync("Input.FieldworkStart", "3", "", "2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the inspection" }).ClickAsync();
        Assert.Equal(["Fieldwork start must include a month", "Fieldwork end must be a real date"], await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());
        Assert.Equal("#Input_FieldworkStart", await page.Locator(".govuk-error-summary a").First.GetAttributeAsync("href"));
        Assert.Equal("31", await page.Date("Input.FieldworkEnd").GetByLabel("Day").InputValueAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "inspection-new-date-errors");

        // The service's own rule, in the page's words.
        await page.FillDateAsync("Input.FieldworkStart", "2025-03-10");
        await page.FillDateAsync("Input.FieldworkEnd", "2025-03-03");
        var response = await page.RunAndWaitForResponseAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Add the inspection" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(200, response.Status);
        Assert.Equal(["Fieldwork end must be on or after fieldwork start"], await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());
        Assert.Contains("Fieldwork end must be on or after fieldwork start", await page.Locator("#Input_FieldworkEnd-error").InnerTextAsync());
        await AssertPlainWordsAsync(page);
        await AxeCore.AssertAccessibleAsync(page);

        await page.FillDateAsync("Input.FieldworkEnd", "2025-03-14");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the inspection" }).ClickAsync();
        Assert.StartsWith($"Inspection of {inspection.ProviderName} added", (await page.GetByTestId("notice").InnerTextAsync()).Trim());
        Assert.Contains("14 March 2025", await page.Locator("main").InnerTextAsync());
    }

    [Fact]
    public async Task A_staffing_figure_of_1e308_or_99999999999_fte_is_a_gov_uk_error_naming_the_field_never_an_internal_error()
    {
        var inspection = await CaseAssessedInspection.CreateAsync(admin, "Staffing extremes");
        var page = await admin.PageAsAsync(Role.Inspector);
        await page.GotoAsync($"/inspections/{inspection.InspectionId}/evidence/staffing");
        await page.FillDateAsync("Input.AsAt", "2022-05-31");
        await page.GetByLabel("Total staff in post", new() { Exact = true }).FillAsync("1e308");
        await page.GetByLabel("Probation officers in post", new() { Exact = true }).FillAsync("99999999999");
        var response = await page.RunAndWaitForResponseAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Record the staffing return" }).ClickAsync(), r => r.Request.Method == "POST");

        Assert.Equal(200, response.Status);
        Assert.Equal(
            ["Total staff in post must be from 0 to 10,000 full-time equivalents", "Probation officers in post must be from 0 to 10,000 full-time equivalents"],
            await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());
        Assert.DoesNotContain("negative", await page.Locator(".govuk-error-summary").InnerTextAsync());
        Assert.Equal("#Input_Figures_total_staff_fte", await page.Locator(".govuk-error-summary a").First.GetAttributeAsync("href"));
        await AssertPlainWordsAsync(page);
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "evidence-staffing-extremes");

        // A date that is not one: the form says so before anything is sent.
        await page.FillDateAsync("Input.AsAt", "30", "2", "2022");
        await page.GetByLabel("Total staff in post", new() { Exact = true }).FillAsync("80");
        await page.GetByLabel("Probation officers in post", new() { Exact = true }).FillAsync("40");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the staffing return" }).ClickAsync();
        Assert.Equal(["Date the figures relate to must be a real date"], await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());
    }

    [Fact]
    public async Task Reserves_out_of_range_read_in_words_without_meaning_5_and_a_window_ending_before_it_starts_is_refused()
    {
        var inspectionId = await InspectionWithCaseloadAsync(60);
        var page = await admin.PageAsAsync(Role.LeadInspector);
        await page.GotoAsync($"/inspections/{inspectionId}/sample/draw");
        await page.GetByLabel("Number of cases", new() { Exact = true }).FillAsync("10");
        await page.FillDateAsync("Input.Windows[0].From", "2021-11-30");
        await page.FillDateAsync("Input.Windows[0].To", "2021-11-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Draw the sample" }).ClickAsync();
        Assert.Equal(["Window 1 last day must be on or after window 1 first day"], await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());

        await page.FillDateAsync("Input.Windows[0].From", "2021-11-01");
        await page.FillDateAsync("Input.Windows[0].To", "2021-11-30");
        await page.GetByLabel("Reserves per stratum (optional, 5 if empty)").FillAsync("100000");
        var response = await page.RunAndWaitForResponseAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Draw the sample" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(200, response.Status);
        var errors = await page.Locator(".govuk-error-summary li").AllInnerTextsAsync();
        Assert.StartsWith("Reserves per stratum must be between 0 and ", Assert.Single(errors));
        Assert.Equal("#Input_Reserves", await page.Locator(".govuk-error-summary a").First.GetAttributeAsync("href"));
        await AssertPlainWordsAsync(page);
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "sample-draw-reserves-error");
    }

    [Fact]
    public async Task The_audit_page_opens_without_a_source_error()
    {
        var page = await admin.PageAsAsync(Role.Administrator);
        foreach (var address in new[] { "/audit", "/audit?Source=", "/audit?Source=case-sampling" })
        {
            var response = await page.GotoAsync(address);
            Assert.Equal(200, response!.Status);
            // The summary's words, not its count, so a failure says what the page complained of.
            Assert.Equal("", string.Join(" | ", await page.Locator(".govuk-error-summary").AllInnerTextsAsync()));
            Assert.DoesNotContain("field is required", await page.Locator("main").InnerTextAsync());
        }
        await AxeCore.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task The_import_page_lists_each_column_s_values_and_its_csv_template_imports_as_it_is()
    {
        var inspectionId = await InspectionWithCaseloadAsync(0);
        var page = await admin.PageAsAsync(Role.LeadInspector);
        await page.GotoAsync($"/inspections/{inspectionId}/sample/import");
        var rosh = await page.Locator("[data-testid=columns] tr[data-column=rosh_level]").InnerTextAsync();
        Assert.Contains("Yes", rosh);
        Assert.Contains("low, medium, high, very_high", rosh);
        Assert.Contains("community_order", await page.Locator("[data-testid=columns] tr[data-column=sentence_type]").InnerTextAsync());
        Assert.Contains("No", await page.Locator("[data-testid=columns] tr[data-column=allocated_team]").InnerTextAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "sample-import-columns");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("template").ClickAsync());
        Assert.Equal("caseload-template.csv", download.SuggestedFilename);
        var template = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("case_reference,sentence_type,start_date,gender,ethnic_group,", template);

        // The template as downloaded is a valid caseload of one case.
        await page.FillDateAsync("TakenOn", "2021-12-01");
        await page.GetByLabel("Caseload CSV file").SetInputFilesAsync(new FilePayload { Name = "template.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(template) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import caseload" }).ClickAsync();
        Assert.Equal("Imported 1 cases as caseload snapshot version 1", (await page.GetByTestId("notice").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task The_size_calculator_is_filled_from_the_imported_caseload_and_draw_again_is_not_the_primary_button()
    {
        var inspectionId = await InspectionWithCaseloadAsync(60);
        var page = await admin.PageAsAsync(Role.LeadInspector);
        await page.GotoAsync($"/inspections/{inspectionId}/sample/size");
        Assert.Equal("60", await page.GetByLabel("Eligible population (N)").InputValueAsync());
        Assert.Contains("snapshot version 1", await page.GetByTestId("filled-from").InnerTextAsync());
        // 60 cases, 80% confidence, 5 points: n0 = 164.24, n = 44.14, rounded up.
        Assert.Equal("45 cases", (await page.Locator("[data-testid=sample-size] h2").InnerTextAsync()).Trim());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "sample-size-filled");

        await page.GotoAsync($"/inspections/{inspectionId}/sample");
        Assert.Equal("Draw the sample", (await page.GetByTestId("draw").InnerTextAsync()).Trim());
        Assert.DoesNotContain("govuk-button--secondary", await page.GetByTestId("draw").GetAttributeAsync("class"));
        await page.GetByTestId("draw").ClickAsync();
        await page.GetByLabel("Number of cases", new() { Exact = true }).FillAsync("10");
        await page.FillDateAsync("Input.Windows[0].From", "2021-11-01");
        await page.FillDateAsync("Input.Windows[0].To", "2021-11-30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Draw the sample" }).ClickAsync();
        Assert.Equal("Draw again", (await page.GetByTestId("draw").InnerTextAsync()).Trim());
        Assert.Contains("govuk-button--secondary", await page.GetByTestId("draw").GetAttributeAsync("class"));
    }

    /// <summary>A new inspection and a caseload of <paramref name="cases"/> cases started in November 2021 (none when 0).</summary>
    private async Task<string> InspectionWithCaseloadAsync(int cases)
    {
        var tracking = admin.Tracking.CreateClient<RecommendationTracking.RecommendationTrackingClient>();
        var sampling = admin.Sampling.CreateClient<CaseSampling.CaseSamplingClient>();
        var unique = Guid.NewGuid().ToString("N")[..8];
        var provider = await tracking.CreateProviderAsync(new CreateProviderRequest { RequestId = "p-" + unique, Name = $"Forms Test PDU {unique}", Type = "pdu", Region = "London", CreatedBy = "admin-tests" });
        var inspection = await tracking.CreateInspectionAsync(new CreateInspectionRequest
        {
            RequestId = "i-" + unique, ProviderId = provider.ProviderId, FrameworkId = "pdu-2021-2023", FieldworkStart = "2022-06-06", CreatedBy = "admin-tests",
        });
        if (cases == 0) return inspection.InspectionId;
        var snapshot = await sampling.StartPopulationImportAsync(new StartPopulationImportRequest { RequestId = "s-" + unique, ProviderId = provider.ProviderId, TakenOn = "2021-12-01" });
        var batch = new ImportPopulationRequest { SnapshotId = snapshot.SnapshotId, FirstRowNumber = 2 };
        for (var i = 0; i < cases; i++)
            batch.Cases.Add(new PopulationCase
            {
                CaseReference = $"F{i:000}", SentenceType = i % 2 == 0 ? "licence" : "community_order", StartDate = $"2021-11-{1 + i % 28:00}",
                Gender = i % 3 == 0 ? "female" : "male", EthnicGroup = "white", RoshLevel = "medium",
            });
        await sampling.ImportPopulationAsync(batch);
        await sampling.CompletePopulationImportAsync(new CompletePopulationImportRequest { SnapshotId = snapshot.SnapshotId, ExpectedCaseCount = cases });
        return inspection.InspectionId;
    }
}
