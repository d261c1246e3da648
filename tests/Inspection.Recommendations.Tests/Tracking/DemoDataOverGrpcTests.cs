using Inspection.Recommendations.V1;
using Inspection.Testing;
using Xunit;

namespace Inspection.Recommendations.Tests.Tracking;

/// <summary>The host started as the run command starts it with demo data: ready only once the reference inspections are loaded.</summary>
public sealed class DemoDataOverGrpcTests
{
    [Fact]
    public async Task A_host_started_with_demo_data_serves_the_reference_annex_once_ready()
    {
        var connectionString = await PostgresServer.Shared.CreateDatabaseAsync("reco_demo");
        await using var host = await ServiceTestHost<Program>.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = connectionString,
            ["DemoData:Load"] = "true",
        });
        var client = host.CreateClient<RecommendationTracking.RecommendationTrackingClient>();

        var pduName = ReferenceData.AnnexInspection.Text("provider");
        var pdu = (await client.ListProvidersAsync(new ListProvidersRequest { NameContains = pduName })).Providers.Single(p => p.Name == pduName);
        var lineage = await client.GetLineageAsync(new GetLineageRequest { ProviderId = pdu.ProviderId });
        var inspection = (await client.ListInspectionsAsync(new ListInspectionsRequest { ProviderId = pdu.ProviderId })).Inspections.Single();
        var summary = await client.GetProgressSummaryAsync(new GetProgressSummaryRequest { InspectionId = inspection.InspectionId });

        Assert.Equal(new[] { "crc", "nps_division" }, lineage.Ancestors.Select(a => a.Provider.Type).Order());
        Assert.Equal("published", inspection.Status);
        Assert.All(ReferenceData.AnnexCounts, c => Assert.Equal(c.Value, summary.Total.Counts.Single(x => x.Judgement == c.Key).Count));
        Assert.Equal(ReferenceData.Annex.Count, summary.Total.Total);

        // Beside the reference inspections, the fictional example of plans, updates and what was said against what was found.
        var example = (await client.ListProvidersAsync(new ListProvidersRequest { NameContains = "(fictional)" })).Providers.Single();
        var plans = host.CreateClient<RecommendationPlans.RecommendationPlansClient>();
        var found = await plans.GetSaidAgainstFoundAsync(new GetSaidAgainstFoundRequest { ProviderId = example.ProviderId });
        Assert.Equal((2, 1), (found.Total.ReportedCompleteOrOnTrack, found.Total.ThenJudgedNoOrSomeProgress));
        Assert.Contains((await plans.ListRemindersAsync(new ListRemindersRequest { ProviderId = example.ProviderId })).Reminders, r => r.Kind == "improvement_plan" && r.Overdue);
    }
}
