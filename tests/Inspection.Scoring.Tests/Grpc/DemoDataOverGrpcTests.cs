using Inspection.Scoring.Demo;
using Inspection.Scoring.Tests.Reference;
using Inspection.Scoring.V1;
using Microsoft.Extensions.DependencyInjection;

namespace Inspection.Scoring.Tests.Grpc;

/// <summary>The demo loader records the three reference inspections as published results, found in the register by
/// provider and framework; a second run changes nothing.</summary>
[Collection(ScoringServicesCollection.Name)]
public sealed class DemoDataOverGrpcTests(ScoringServices services)
{
    [Fact]
    public async Task The_reference_inspections_load_as_published_results_and_loading_again_changes_nothing()
    {
        var ids = new Dictionary<string, string>();
        foreach (var reference in ReferenceInspection.LoadAll())
            ids[reference.Provider] = await services.CreateInspectionAsync(reference.FrameworkId, reference.Provider, exactName: true);
        var demo = services.Host.Services.GetRequiredService<DemoData>();

        var first = await demo.LoadAsync(CancellationToken.None);
        var ratingsFirst = await services.Scoring.GetInspectionRatingsAsync(new GetInspectionRatingsRequest { InspectionId = ids["Lewisham and Bromley PDU"] });
        var second = await demo.LoadAsync(CancellationToken.None);
        var ratingsSecond = await services.Scoring.GetInspectionRatingsAsync(new GetInspectionRatingsRequest { InspectionId = ids["Lewisham and Bromley PDU"] });

        Assert.Equal(3, first.Count(o => o.EndsWith("published results recorded", StringComparison.Ordinal)));
        Assert.Equal(first, second);
        Assert.Equal(ratingsFirst, ratingsSecond);
        Assert.Equal((4, 24, "Inadequate"), (ratingsFirst.Overall.Score, ratingsFirst.Overall.MaxScore, ratingsFirst.Overall.Rating));
        Assert.Contains("overridden to Requires improvement", ratingsFirst.Standards.Single(s => s.StandardId == "1.1").PublishedNote);
        var birmingham = await services.Scoring.GetInspectionRatingsAsync(new GetInspectionRatingsRequest { InspectionId = ids["Birmingham North, East and Solihull PDU"] });
        Assert.Equal((2, 27, "Inadequate"), (birmingham.Overall.Score, birmingham.Overall.MaxScore, birmingham.Overall.Rating));
        var prompts = await services.Scoring.GetPromptResultsAsync(new GetPromptResultsRequest { InspectionId = ids["Birmingham North, East and Solihull PDU"] });
        Assert.Equal([19, 19, 15], prompts.Prompts.Where(p => p.PostCustody).Select(p => p.Pct));
        var westMidlands = await services.Scoring.GetInspectionRatingsAsync(new GetInspectionRatingsRequest { InspectionId = ids["West Midlands Probation Area"] });
        Assert.Equal(68, westMidlands.Omi.RiskOfHarmThreadPct);
    }
}
