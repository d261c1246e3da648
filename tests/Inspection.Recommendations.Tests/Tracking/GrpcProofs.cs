using Grpc.Core;
using Inspection.Recommendations.V1;
using Xunit;

namespace Inspection.Recommendations.Tests.Tracking;

/// <summary>
/// The same proofs over gRPC: HTTP/2 on real sockets to the real host, which migrates its own database at start;
/// plus what only the wire shows (the change stream, statuses with field violations, the cross-service GetInspection).
/// </summary>
public sealed class GrpcProofs(ServiceHostFixture service) : TrackingProofs, IClassFixture<ServiceHostFixture>
{
    private readonly RecommendationTracking.RecommendationTrackingClient _client = service.Client;

    protected override ITrackingDriver Driver { get; } = new GrpcDriver(service.Client);

    [Fact]
    public async Task WatchChanges_refuses_an_absurdly_long_list_of_types_in_one_violation()
    {
        // Found by fuzzing: half a million tiny type names fit in one message, and a violation each took seconds.
        var request = new WatchChangesRequest();
        request.Types_.AddRange(Enumerable.Repeat("x", 500_000));

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in _client.WatchChanges(request, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30))).ResponseStream.ReadAllAsync()) { }
        });

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("types", Assert.Single(error.FieldViolations).Field);
    }

    [Fact]
    public async Task WatchChanges_streams_a_published_inspection_and_a_recorded_judgement_in_order()
    {
        var scenario = await AnnexScenario.LoadAsync(Driver);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var request = new WatchChangesRequest { ProviderId = scenario.Pdu.Id };
        await using var stream = _client.WatchChanges(request, new CallOptions(cancellationToken: cancel.Token)).ResponseStream.ReadAllAsync(cancel.Token).GetAsyncEnumerator(cancel.Token);

        Assert.True(await stream.MoveNextAsync());
        Assert.Equal("subscribed", stream.Current.Type);

        var target = scenario.AnnexRecommendations[0];
        var judged = await Driver.JudgeAsync($"watch-{target.Recommendation.Id}", target.Recommendation.Id, scenario.PduInspection.Id,
            target.Recommendation.Version, target.Published.Judgement, target.Published.Repeated);
        var inspection = await Driver.GetInspectionAsync(scenario.PduInspection.Id);
        await Driver.PublishAsync($"watch-pub-{inspection.Id}", inspection.Id, inspection.Version, "2022-08-01");

        Assert.True(await stream.MoveNextAsync());
        var judgement = stream.Current;
        Assert.True(await stream.MoveNextAsync());
        var publication = stream.Current;

        Assert.Equal(("progress_judgement_recorded", judged.Id, target.Published.Judgement, scenario.PduInspection.Id),
            (judgement.Type, judgement.JudgementId, judgement.Judgement, judgement.InspectionId));
        Assert.Equal(("inspection_published", scenario.PduInspection.Id, "2022-08-01", "2022-08-29"),
            (publication.Type, publication.InspectionId, publication.PublishedOn, publication.ImprovementPlanDue));
        Assert.True(publication.Sequence > judgement.Sequence);
    }

    [Fact]
    public async Task GetInspection_answers_other_services_with_the_framework_and_status()
    {
        var scenario = await AnnexScenario.LoadAsync(Driver);

        var inspection = await _client.GetInspectionAsync(new GetInspectionRequest { InspectionId = scenario.PduInspection.Id });
        var missing = await Assert.ThrowsAsync<RpcException>(() => _client.GetInspectionAsync(new GetInspectionRequest { InspectionId = Guid.NewGuid().ToString() }).ResponseAsync);
        var malformed = await Assert.ThrowsAsync<RpcException>(() => _client.GetInspectionAsync(new GetInspectionRequest { InspectionId = "PDU-2022" }).ResponseAsync);

        Assert.Equal((scenario.Pdu.Id, ReferenceData.AnnexInspection.Text("framework"), "planned", ReferenceData.AnnexInspection.Text("fieldwork_start")),
            (inspection.ProviderId, inspection.FrameworkId, inspection.Status, inspection.FieldworkStart));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);
        Assert.Equal("inspection_id", Assert.Single(malformed.FieldViolations).Field);
    }

    [Fact]
    public async Task A_create_without_a_request_id_or_with_bad_fields_is_refused_field_by_field()
    {
        var noRequestId = await Assert.ThrowsAsync<RpcException>(() =>
            _client.CreateProviderAsync(new CreateProviderRequest { Name = "Somewhere PDU", Type = "pdu", Region = "Wales", CreatedBy = "t" }).ResponseAsync);
        var badFields = await Assert.ThrowsAsync<RpcException>(() =>
            _client.CreateProviderAsync(new CreateProviderRequest { RequestId = Guid.NewGuid().ToString(), Name = "", Type = "trust", ActiveFrom = "1 June 2021" }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, noRequestId.StatusCode);
        Assert.Equal("request_id", Assert.Single(noRequestId.FieldViolations).Field);
        Assert.Equal(["name", "type", "active_from", "created_by"], badFields.FieldViolations.Select(v => v.Field));
    }
}
