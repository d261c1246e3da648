using Grpc.Core;
using Inspection.Recommendations.Tests.Plans;
using Inspection.Recommendations.Tests.Tracking;
using Inspection.Recommendations.V1;
using Xunit;

namespace Inspection.Recommendations.Tests.SaidAndFound;

/// <summary>
/// GetSaidAgainstFound over gRPC (the real host): a provider reports its statuses between two inspections, the next
/// inspection judges progress, and what it said stands against what was found, per provider and per region.
/// </summary>
public sealed class SaidAgainstFoundOverGrpcTests(ServiceHostFixture service) : IClassFixture<ServiceHostFixture>
{
    private const string By = PlanSetting.By;
    private readonly RecommendationPlans.RecommendationPlansClient _plans = service.Host.CreateClient<RecommendationPlans.RecommendationPlansClient>();
    private readonly PlanSetting _setting = new(service.Client);

    [Fact]
    public async Task Of_what_a_provider_reported_complete_or_on_track_the_share_then_judged_no_or_some_progress()
    {
        var region = $"Said region {Guid.NewGuid():N}";
        var provider = await service.Client.CreateProviderAsync(new CreateProviderRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = $"Said PDU {Guid.NewGuid():N}", Type = "pdu", Region = region, CreatedBy = By,
        });
        var made = await _setting.PublishedAsync(provider.ProviderId, count: 4);
        var ids = made.Recommendations.Select(r => r.RecommendationId).ToList();
        await ReportAsync(ids[0], "Complete", "2025-03-14");
        await ReportAsync(ids[1], "On track", "2025-02-10");
        await ReportAsync(ids[2], "On track", "2025-02-10");
        await ReportAsync(ids[3], "Delayed", "2025-02-10");
        // What it said after the next inspection looked (fieldwork from 2 June 2025) is not what it said before.
        await ReportAsync(ids[3], "Complete", "2025-06-20");

        var next = await service.Client.CreateInspectionAsync(new CreateInspectionRequest
        {
            RequestId = Guid.NewGuid().ToString(), ProviderId = provider.ProviderId, FrameworkId = "pdu-2024", FieldworkStart = "2025-06-02", CreatedBy = By,
        });
        string[] judgements = ["Some progress", "No progress", "Sufficient progress", "No progress"];
        for (var i = 0; i < ids.Count; i++)
        {
            var recommendation = await service.Client.GetRecommendationAsync(new GetRecommendationRequest { RecommendationId = ids[i] });
            await service.Client.RecordProgressJudgementAsync(new RecordProgressJudgementRequest
            {
                RequestId = Guid.NewGuid().ToString(), RecommendationId = ids[i], InspectionId = next.InspectionId, ExpectedVersion = recommendation.Version,
                Judgement = judgements[i], RecordedBy = By,
            });
        }

        var found = await _plans.GetSaidAgainstFoundAsync(new GetSaidAgainstFoundRequest { ProviderId = provider.ProviderId });
        var row = Assert.Single(found.ByProvider);
        Assert.Equal((provider.ProviderId, provider.Name, region, 3, 2), (row.Key, row.Label, row.Region, row.ReportedCompleteOrOnTrack, row.ThenJudgedNoOrSomeProgress));
        Assert.Equal(2.0 / 3, row.Share, 12);
        Assert.Equal((region, 3, 2), (Assert.Single(found.ByRegion).Key, found.Total.ReportedCompleteOrOnTrack, found.Total.ThenJudgedNoOrSomeProgress));

        var byRegion = await _plans.GetSaidAgainstFoundAsync(new GetSaidAgainstFoundRequest { Region = region.ToUpperInvariant() });
        Assert.Equal([provider.ProviderId], byRegion.ByProvider.Select(r => r.Key));
        var everyone = await _plans.GetSaidAgainstFoundAsync(new GetSaidAgainstFoundRequest());
        Assert.Contains(everyone.ByProvider, r => r.Key == provider.ProviderId && r.ReportedCompleteOrOnTrack == 3);
    }

    [Theory]
    [InlineData("provider_id")]
    [InlineData("region")]
    public async Task A_filter_that_cannot_be_is_refused_naming_the_field(string field)
    {
        var request = field == "provider_id" ? new GetSaidAgainstFoundRequest { ProviderId = "PDU 7" } : new GetSaidAgainstFoundRequest { Region = new string('r', 201) };
        var refused = await Assert.ThrowsAsync<RpcException>(() => _plans.GetSaidAgainstFoundAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal([field], refused.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task An_unknown_provider_is_not_found()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => _plans.GetSaidAgainstFoundAsync(new GetSaidAgainstFoundRequest { ProviderId = Guid.NewGuid().ToString() }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
    }

    private async Task ReportAsync(string recommendationId, string status, string on)
    {
        var plan = await _plans.GetRecommendationPlanAsync(new GetRecommendationPlanRequest { RecommendationId = recommendationId });
        await _plans.RecordReportedStatusAsync(new RecordReportedStatusRequest
        {
            RequestId = Guid.NewGuid().ToString(), RecommendationId = recommendationId, ExpectedVersion = plan.Version, Status = status, ReportedOn = on, RecordedBy = By,
        });
    }
}
