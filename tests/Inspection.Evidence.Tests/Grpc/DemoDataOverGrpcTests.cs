using Inspection.Evidence.Demo;
using Inspection.Evidence.Tests.Support;
using Inspection.Evidence.V1;
using Inspection.Recommendations.V1;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Inspection.Evidence.Tests.Grpc;

/// <summary>
/// The demo data as the run command loads it: recommendation tracking registers the reference inspections, and the
/// evidence host (ready only once loaded) finds them over gRPC and loads its part.
/// </summary>
[Collection(ServicesOverGrpc.Collection)]
public sealed class DemoDataOverGrpcTests(ServicesOverGrpc services)
{
    [Fact]
    public async Task Demo_data_loaded_at_start_up_holds_the_reference_figures_and_loading_again_changes_nothing()
    {
        var client = services.Evidence;

        // The host was ready only after its start-up load; this second load replays it.
        var again = await services.EvidenceHost.Services.GetRequiredService<DemoData>().LoadAsync(new Dictionary<string, string>(), CancellationToken.None);
        Assert.Equal(2 + 4 + 4 + 6, again.Count);
        Assert.All(again, line => Assert.Contains("version 1", line));

        var birmingham = await InspectionOf(ReferenceData.Birmingham2022);
        var staffing = await client.GetStaffingReturnAsync(new GetStaffingReturnRequest { InspectionId = birmingham });
        Assert.Equal(ReferenceData.StaffingAndWorkload(ReferenceData.Birmingham2022).OrderBy(p => p.Key, StringComparer.Ordinal),
            staffing.FigureList.Select(f => KeyValuePair.Create(f.Field, f.Value)).OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(1, staffing.Version);

        foreach (var provider in new[] { ReferenceData.Birmingham2022, ReferenceData.Lewisham2022 })
        {
            var judgements = (await client.GetJudgementsAsync(new GetJudgementsRequest { InspectionId = await InspectionOf(provider) })).Judgements;
            Assert.Equal(ReferenceData.Ratings(provider).Where(r => r.Key.StartsWith("1.", StringComparison.Ordinal)).Select(r => (r.Key, r.Value)),
                judgements.Select(j => (j.StandardId, j.Rating)));
        }
        var westMidlands = (await client.GetJudgementsAsync(new GetJudgementsRequest { InspectionId = await InspectionOf(ReferenceData.WestMidlands2008) })).Judgements;
        Assert.Equal(ReferenceData.Section4(ReferenceData.WestMidlands2008).Select(r => (r.Key, r.Value)), westMidlands.Select(j => (j.StandardId, j.Rating)));
    }

    [Fact]
    public void The_command_line_names_inspections_explicitly()
    {
        var command = DemoDataCommand.Parse(["demo-data", "--inspection", "Lewisham and Bromley PDU=abc=1", "--urls", "x"])!;
        Assert.Equal("abc=1", Assert.Single(command.InspectionIds, p => p.Key == "Lewisham and Bromley PDU").Value);
        Assert.Equal(["--urls", "x"], command.HostArgs);
        Assert.Null(DemoDataCommand.Parse(["--urls", "x"]));
    }

    private async Task<string> InspectionOf(string provider)
    {
        var providers = await services.Register.ListProvidersAsync(new ListProvidersRequest { NameContains = provider });
        var providerId = providers.Providers.Single(p => p.Name == provider).ProviderId;
        var inspections = await services.Register.ListInspectionsAsync(new ListInspectionsRequest { ProviderId = providerId, FrameworkId = ReferenceData.FrameworkOf(provider) });
        return inspections.Inspections.Single().InspectionId;
    }
}
