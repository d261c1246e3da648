using Inspection.Admin.Accounts;
using Inspection.Recommendations.V1;
using Inspection.Sampling.V1;
using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

[Collection(AdminCollection.Name)]
public sealed class DrawFormTests(AdminFixture admin)
{
    [Fact]
    public async Task A_draw_with_two_windows_a_minimum_quota_and_a_fixed_split()
    {
        var inspectionId = await InspectionWithCaseloadAsync(admin);
        var page = await admin.PageAsAsync(Role.LeadInspector);
        await page.GotoAsync($"/inspections/{inspectionId}/sample/draw");
        await page.GetByLabel("Number of cases", new() { Exact = true }).FillAsync("20");
        // October and December, not November.
        await page.FillDateAsync("Input.Windows[0].From", "2021-10-01");
        await page.FillDateAsync("Input.Windows[0].To", "2021-10-31");
        await page.FillDateAsync("Input.Windows[1].From", "2021-12-01");
        await page.FillDateAsync("Input.Windows[1].To", "2021-12-31");
        // Values are chosen, never typed as codes: risk of serious harm high and very high.
        var quota = page.Locator("[data-quota='0']");
        await quota.Locator("summary").ClickAsync();
        await quota.GetByLabel("Risk of serious harm level: High", new() { Exact = true }).CheckAsync();
        await quota.GetByLabel("Risk of serious harm level: Very high", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Quota 1 at least").FillAsync("lots");
        await page.GetByLabel("Split by").SelectOptionAsync("sentence_type");
        var group1 = page.Locator("[data-split-group='0']");
        await group1.Locator("summary").ClickAsync();
        await group1.GetByLabel("Group 1 name").FillAsync("licence");
        await group1.GetByLabel("Sentence type: Licence", new() { Exact = true }).CheckAsync();
        await group1.GetByLabel("Group 1 weight").FillAsync("1");
        var group2 = page.Locator("[data-split-group='1']");
        await group2.Locator("summary").ClickAsync();
        await group2.GetByLabel("Group 2 name").FillAsync("community");
        await group2.GetByLabel("Sentence type: Community order", new() { Exact = true }).CheckAsync();
        await group2.GetByLabel("Group 2 weight").FillAsync("1");
        await page.GetByLabel("Seed (optional)").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Draw the sample" }).ClickAsync();
        Assert.Equal(["Enter the minimum of quota 1 as a whole number"], await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());
        var window2 = page.Date("Input.Windows[1].To");
        Assert.Equal(("31", "12", "2021"), (await window2.GetByLabel("Day").InputValueAsync(), await window2.GetByLabel("Month").InputValueAsync(), await window2.GetByLabel("Year").InputValueAsync()));
        Assert.True(await page.Locator("[data-quota='0']").GetByLabel("Risk of serious harm level: Very high", new() { Exact = true }).IsCheckedAsync());

        // More than the eligible cases that match: the service's refusal, in words, not codes.
        await page.GetByLabel("Quota 1 at least").FillAsync("50");
        var response = await page.RunAndWaitForResponseAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Draw the sample" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(200, response.Status);
        var refusal = await page.Locator(".govuk-error-summary").InnerTextAsync();
        Assert.Contains("Quota 1", refusal);
        Assert.Contains("needs 50 cases", refusal);
        Assert.DoesNotContain("rosh_level", refusal);
        Assert.DoesNotContain("very_high", refusal);
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "sample-draw-quota-error");
        await page.GetByLabel("Quota 1 at least").FillAsync("8");

        // Values of two kinds in one quota are refused by the form.
        var quota1 = page.Locator("[data-quota='0']");
        await quota1.GetByLabel("Ethnic group: White", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Draw the sample" }).ClickAsync();
        Assert.Equal(["Select values of one kind for quota 1, like high and very high risk of serious harm"], await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());

        await quota1.GetByLabel("Ethnic group: White", new() { Exact = true }).UncheckAsync();
        await quota1.GetByLabel("Risk of serious harm level: High", new() { Exact = true }).UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Draw the sample" }).ClickAsync();
        Assert.Equal("Sample drawn: 20 cases with seed 5", (await page.GetByTestId("notice").InnerTextAsync()).Trim());

        var sampling = admin.Sampling.CreateClient<CaseSampling.CaseSamplingClient>();
        var summary = (await sampling.ListSamplesAsync(new ListSamplesRequest { InspectionId = inspectionId })).Samples.Single(s => s.Current);
        var sample = await sampling.GetSampleAsync(new GetSampleRequest { SampleId = summary.SampleId });
        Assert.Equal(2, sample.Parameters.Eligibility.Windows.Count);
        var active = sample.Cases.Where(c => c.Status == "active").ToList();
        Assert.Equal(20, active.Count);
        Assert.DoesNotContain(active, c => c.StartDate.StartsWith("2021-11"));
        Assert.True(sample.Quotas.Single().Sampled >= 8, $"quota sampled {sample.Quotas.Single().Sampled}");
        Assert.Equal(8, sample.Quotas.Single().Minimum);
        Assert.Equal(10, active.Count(c => c.SentenceType == "licence"));
        Assert.Equal(10, active.Count(c => c.SentenceType == "community_order"));
    }

    /// <summary>A new inspection and 90 cases started in October, November and December 2021, one in five very high risk.</summary>
    /// <summary>A new provider's planned inspection with a complete caseload snapshot of 90 cases started October to December 2021.</summary>
    internal static async Task<string> InspectionWithCaseloadAsync(AdminFixture admin)
    {
        var tracking = admin.Tracking.CreateClient<RecommendationTracking.RecommendationTrackingClient>();
        var sampling = admin.Sampling.CreateClient<CaseSampling.CaseSamplingClient>();
        var unique = Guid.NewGuid().ToString("N")[..8];
        var provider = await tracking.CreateProviderAsync(new CreateProviderRequest { RequestId = "p-" + unique, Name = $"Draw Test PDU {unique}", Type = "pdu", Region = "London", CreatedBy = "admin-tests" });
        var inspection = await tracking.CreateInspectionAsync(new CreateInspectionRequest
        {
            RequestId = "i-" + unique, ProviderId = provider.ProviderId, FrameworkId = "pdu-2021-2023", FieldworkStart = "2022-06-06", CreatedBy = "admin-tests",
        });
        var snapshot = await sampling.StartPopulationImportAsync(new StartPopulationImportRequest { RequestId = "s-" + unique, ProviderId = provider.ProviderId, TakenOn = "2022-01-10" });
        var batch = new ImportPopulationRequest { SnapshotId = snapshot.SnapshotId, FirstRowNumber = 2 };
        for (var i = 0; i < 90; i++)
            batch.Cases.Add(new PopulationCase
            {
                CaseReference = $"D{i:000}", SentenceType = i % 2 == 0 ? "licence" : "community_order", StartDate = $"2021-{10 + i % 3}-{1 + i % 28:00}",
                Gender = "male", EthnicGroup = "white", RoshLevel = i % 5 == 0 ? "very_high" : "low",
            });
        await sampling.ImportPopulationAsync(batch);
        await sampling.CompletePopulationImportAsync(new CompletePopulationImportRequest { SnapshotId = snapshot.SnapshotId, ExpectedCaseCount = 90 });
        return inspection.InspectionId;
    }
}
