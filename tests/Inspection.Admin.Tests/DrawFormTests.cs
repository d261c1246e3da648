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
        var inspectionId = await InspectionWithCaseloadAsync();
        var page = await admin.PageAsAsync(Role.LeadInspector);
        await page.GotoAsync($"/inspections/{inspectionId}/sample/draw");
        await page.GetByLabel("Number of cases", new() { Exact = true }).FillAsync("20");
        // October and December, not November.
        await page.GetByLabel("Window 1 first day").FillAsync("2021-10-01");
        await page.GetByLabel("Window 1 last day").FillAsync("2021-10-31");
        await page.GetByLabel("Window 2 first day").FillAsync("2021-12-01");
        await page.GetByLabel("Window 2 last day").FillAsync("2021-12-31");
        await page.GetByLabel("Quota 1 attribute").SelectOptionAsync("rosh_level");
        await page.GetByLabel("Quota 1 values, separated by commas").FillAsync("very_high, extreme");
        await page.GetByLabel("Quota 1 at least").FillAsync("lots");
        await page.GetByLabel("Split by").SelectOptionAsync("sentence_type");
        await page.GetByLabel("Group 1 name").FillAsync("licence");
        await page.GetByLabel("Group 1 values, separated by commas").FillAsync("licence");
        await page.GetByLabel("Group 1 weight").FillAsync("1");
        await page.GetByLabel("Group 2 name").FillAsync("community");
        await page.GetByLabel("Group 2 values, separated by commas").FillAsync("community_order");
        await page.GetByLabel("Group 2 weight").FillAsync("1");
        await page.GetByLabel("Seed (optional)").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Draw the sample" }).ClickAsync();
        Assert.Equal(["Enter the minimum of quota 1 as a whole number"], await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());
        Assert.Equal("2021-12-31", await page.GetByLabel("Window 2 last day").InputValueAsync());

        // A value rosh_level never takes: the service's violation lands on the quota's values.
        await page.GetByLabel("Quota 1 at least").FillAsync("8");
        await page.GetByRole(AriaRole.Button, new() { Name = "Draw the sample" }).ClickAsync();
        Assert.Equal("#Input_Quotas_0__Values", await page.Locator(".govuk-error-summary a").First.GetAttributeAsync("href"));
        Assert.Contains("extreme", await page.Locator("#Input_Quotas_0__Values-error").InnerTextAsync());
        await AxeCore.AssertNoSeriousViolationsAsync(page);
        await admin.ScreenshotAsync(page, "sample-draw-quota-error");

        await page.GetByLabel("Quota 1 values, separated by commas").FillAsync("very_high");
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
    private async Task<string> InspectionWithCaseloadAsync()
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
