using Inspection.Admin.Accounts;
using Inspection.Recommendations.V1;
using Inspection.Sampling.V1;
using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

/// <summary>
/// Keeping providers (issue 22) in the browser: a provider edited, restructured and retired (then gone from every list
/// to choose from and shown under the retired ones), a new region warned about until it is confirmed, and a mistaken
/// caseload snapshot withdrawn while one a sample was drawn from cannot be.
/// </summary>
[Collection(AdminCollection.Name)]
public sealed class ProviderKeepingTests(AdminFixture admin)
{
    private readonly string _unique = Guid.NewGuid().ToString("N")[..8];

    private Task<Provider> ProviderAsync(string name, string type) =>
        admin.Tracking.CreateClient<RecommendationTracking.RecommendationTrackingClient>().CreateProviderAsync(new CreateProviderRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = name, Type = type, Region = "West Midlands", CreatedBy = "admin-tests",
        }).ResponseAsync;

    private static async Task FillDateAsync(IPage page, string id, DateOnly date)
    {
        await page.Locator($"#{id}").FillAsync(date.Day.ToString());
        await page.Locator($"#{id}_Month").FillAsync(date.Month.ToString());
        await page.Locator($"#{id}_Year").FillAsync(date.Year.ToString());
    }

    private static async Task<IReadOnlyList<string>> OptionsAsync(IPage page, string selector) =>
        (await page.Locator($"{selector} option").AllInnerTextsAsync()).Select(o => o.Trim()).ToList();

    [Fact]
    public async Task A_provider_is_edited_restructured_and_retired_and_then_offered_nowhere_to_choose_from()
    {
        var pdu = await ProviderAsync($"Keeping Test PDU {_unique}", "pdu");
        var crc = await ProviderAsync($"Keeping Test CRC {_unique}", "crc");
        var page = await admin.PageAsAsync(Role.LeadInspector);

        // Edit: a date still to come is refused in words; a known region typed in another case is kept as the register spells it.
        await page.GotoAsync($"/providers/{pdu.ProviderId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit the provider" }).ClickAsync();
        await AxeCore.AssertAccessibleAsync(page);
        await page.GetByLabel("Name").FillAsync($"Keeping Test PDU renamed {_unique}");
        await page.GetByLabel("Region or division", new() { Exact = true }).FillAsync("west midlands");
        await FillDateAsync(page, "Input_ActiveFrom", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the provider" }).ClickAsync();
        Assert.Equal(["Active from must be today or in the past"], (await page.Locator(".govuk-error-summary li").AllInnerTextsAsync()).Select(t => t.Trim()));
        await AxeCore.AssertAccessibleAsync(page);
        await FillDateAsync(page, "Input_ActiveFrom", new DateOnly(2021, 6, 26));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the provider" }).ClickAsync();
        var renamed = $"Keeping Test PDU renamed {_unique}";
        Assert.Equal(renamed, (await page.Locator("h1").InnerTextAsync()).Trim());
        var summary = await page.Locator(".govuk-summary-list").InnerTextAsync();
        Assert.Contains("West Midlands", summary);
        Assert.Contains("26 June 2021", summary);

        // Restructure: formed from the CRC, chosen from the register.
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a restructure" }).ClickAsync();
        await AxeCore.AssertAccessibleAsync(page);
        await page.Locator("#Input_Predecessors_0__ProviderId").SelectOptionAsync(crc.ProviderId);
        await page.Locator("#Input_Predecessors_0__Note").FillAsync("the Solihull local delivery unit");
        await FillDateAsync(page, "Input_EffectiveOn", new DateOnly(2021, 6, 26));
        await page.GetByLabel("Note (optional)").FillAsync("unification of probation services");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the restructure" }).ClickAsync();
        var predecessors = await page.Locator("[data-testid=predecessors] tbody tr").AllInnerTextsAsync();
        Assert.Contains(crc.Name, Assert.Single(predecessors));
        Assert.Contains("26 June 2021", predecessors[0]);

        // Retire: a reason is needed; then it is kept, shown as retired and offered no more.
        await page.GetByRole(AriaRole.Link, new() { Name = "Retire the provider" }).ClickAsync();
        await AxeCore.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Retire the provider" }).ClickAsync();
        Assert.Equal(["Enter why the provider is retired"], (await page.Locator(".govuk-error-summary li").AllInnerTextsAsync()).Select(t => t.Trim()));
        await page.GetByLabel("Why it is retired").FillAsync("entered twice by mistake");
        await page.GetByRole(AriaRole.Button, new() { Name = "Retire the provider" }).ClickAsync();
        Assert.Contains("entered twice by mistake", await page.Locator("[data-testid=retired]").InnerTextAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Edit the provider" }).CountAsync());
        Assert.Equal(1, await page.Locator("[data-testid=predecessors] tbody tr").CountAsync());   // its lineage is kept
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "provider-retired");

        await page.GotoAsync($"/providers?name={_unique}");
        Assert.Equal([crc.Name], (await page.Locator("[data-testid=providers] tbody td:first-child").AllInnerTextsAsync()).Select(n => n.Trim()));
        await page.GetByRole(AriaRole.Link, new() { Name = "Retired providers" }).ClickAsync();
        Assert.Contains(await page.Locator("[data-testid=retired-providers] tbody tr").AllInnerTextsAsync(), r => r.Contains(renamed) && r.Contains("entered twice by mistake"));
        await AxeCore.AssertAccessibleAsync(page);

        // Gone from the lists to choose from: a new inspection's providers, another provider's predecessors.
        await page.GotoAsync("/inspections/new");
        Assert.DoesNotContain(await OptionsAsync(page, "#Input_ProviderId"), o => o.Contains(_unique) && o.Contains("PDU"));
        await page.GotoAsync($"/providers/{crc.ProviderId}/restructure");
        Assert.DoesNotContain(await OptionsAsync(page, "#Input_Predecessors_0__ProviderId"), o => o.Contains(renamed));
    }

    [Fact]
    public async Task A_region_no_provider_has_is_warned_about_and_taken_only_once_ticked()
    {
        var page = await admin.PageAsAsync(Role.LeadInspector);
        await page.GotoAsync("/providers/new");
        Assert.Contains("West Midlands", await page.Locator("#existing-regions option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)"));
        var name = $"Region Test PDU {_unique}";
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Probation delivery unit").CheckAsync();
        await page.GetByLabel("Region or division", new() { Exact = true }).FillAsync("West Midlandz");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the provider" }).ClickAsync();

        Assert.Contains("West Midlandz is not an existing region or division", await page.Locator("#Input_Region-error").InnerTextAsync());
        Assert.Contains("No provider in the register is in West Midlandz", await page.Locator("[data-testid=new-region-warning]").InnerTextAsync());
        Assert.Equal("Add a provider", (await page.Locator("h1").InnerTextAsync()).Trim());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "provider-new-region");

        await page.GetByLabel("West Midlandz is a new region or division").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the provider" }).ClickAsync();
        Assert.Equal(name, (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Contains("West Midlandz", await page.Locator(".govuk-summary-list").InnerTextAsync());

        // Retired again, so the misspelt region is offered to no one after this test.
        var id = page.Url.Split('/').Last();
        await page.GotoAsync($"/providers/{id}/retire");
        await page.GetByLabel("Why it is retired").FillAsync("a region spelt wrongly on purpose, by a test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Retire the provider" }).ClickAsync();
        await page.GotoAsync("/providers/new");
        Assert.DoesNotContain("West Midlandz", await page.Locator("#existing-regions option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)"));
    }

    [Fact]
    public async Task A_mistaken_caseload_snapshot_is_withdrawn_and_one_a_sample_was_drawn_from_cannot_be()
    {
        var sampled = await SampledInspection.CreateAsync(admin, "Withdraw", region: "West Midlands");
        var sampling = admin.Sampling.CreateClient<CaseSampling.CaseSamplingClient>();
        var mistaken = await sampling.StartPopulationImportAsync(new StartPopulationImportRequest
        {
            RequestId = Guid.NewGuid().ToString(), ProviderId = sampled.ProviderId, TakenOn = "2021-12-02", Description = "the wrong extract",
        });
        var page = await admin.PageAsAsync(Role.LeadInspector);

        await page.GotoAsync($"/inspections/{sampled.InspectionId}/sample");
        Assert.Equal(2, await page.Locator("[data-testid=snapshots] tbody tr").CountAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = $"Withdraw snapshot version {mistaken.Version}" }).ClickAsync();
        await AxeCore.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw the snapshot" }).ClickAsync();
        Assert.Equal(["Enter why the caseload snapshot is withdrawn"], (await page.Locator(".govuk-error-summary li").AllInnerTextsAsync()).Select(t => t.Trim()));
        await page.GetByLabel("Why it is withdrawn").FillAsync("the extract was of the wrong PDU");
        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw the snapshot" }).ClickAsync();

        Assert.EndsWith($"/inspections/{sampled.InspectionId}/sample", page.Url);
        Assert.Equal(1, await page.Locator("[data-testid=snapshots] tbody tr").CountAsync());
        await page.GetByTestId("withdrawn-history").Locator("summary").ClickAsync();
        Assert.Contains("the extract was of the wrong PDU", await page.Locator("[data-testid=withdrawn-snapshots]").InnerTextAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "snapshot-withdrawn");
        // Kept by the service, offered for no draw.
        Assert.True((await sampling.GetSnapshotAsync(new GetSnapshotRequest { SnapshotId = mistaken.SnapshotId })).Withdrawn);
        await page.GotoAsync($"/inspections/{sampled.InspectionId}/sample/draw");
        Assert.DoesNotContain(await OptionsAsync(page, "#Input_SnapshotId"), o => o.StartsWith($"Version {mistaken.Version},", StringComparison.Ordinal));

        // The snapshot the sample was drawn from: the page says why it stays and offers no form.
        await page.GotoAsync($"/inspections/{sampled.InspectionId}/sample");
        await page.GetByRole(AriaRole.Link, new() { Name = "Withdraw snapshot version 1" }).ClickAsync();
        Assert.Contains("cannot be withdrawn: a sample was drawn from it", await page.Locator("[data-testid=in-use]").InnerTextAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw the snapshot" }).CountAsync());
        await AxeCore.AssertAccessibleAsync(page);
    }
}
