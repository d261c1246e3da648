using System.Text;
using Inspection.Admin.Accounts;
using Inspection.Evidence.V1;
using Inspection.Recommendations.V1;
using Inspection.Sampling.V1;
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
}
