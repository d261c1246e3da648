using Grpc.Core;
using Inspection.Recommendations.Tests.Tracking;
using Inspection.Recommendations.V1;
using Inspection.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Inspection.Recommendations.Tests.Changes;

/// <summary>
/// Two replicas of recommendation tracking (two hosts, each its own Program and container, on real sockets) over one
/// database: what a watcher on one sees of writes through the other, and a watcher resuming after a replica restarts.
/// </summary>
public sealed class ReplicatedWatchTests : IAsyncLifetime
{
    private string _database = "";
    private ScoringStandIn _scoring = null!;
    private ServiceTestHost<Program> _replicaA = null!;
    private ServiceTestHost<Program> _replicaB = null!;
    private GrpcDriver _throughB = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresServer.Shared.CreateDatabaseAsync("reco_replicas");
        _scoring = await ScoringStandIn.StartAsync();
        _replicaA = await StartReplicaAsync();
        _replicaB = await StartReplicaAsync();
        _throughB = new GrpcDriver(_replicaB.CreateClient<RecommendationTracking.RecommendationTrackingClient>(),
            _replicaB.Services.GetRequiredService<Inspection.Recommendations.Application.InspectionCalendar>());
    }

    public async Task DisposeAsync()
    {
        await _replicaA.DisposeAsync();
        await _replicaB.DisposeAsync();
        await _scoring.DisposeAsync();
    }

    [Fact]
    public async Task A_watcher_on_one_replica_sees_a_judgement_recorded_through_the_other_with_the_same_sequence()
    {
        var scenario = await AnnexScenario.LoadAsync(_throughB);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var onA = Watch(_replicaA, scenario, null, cancel.Token);
        await using var onB = Watch(_replicaB, scenario, null, cancel.Token);
        var markerA = await NextAsync(onA);
        var markerB = await NextAsync(onB);

        var target = scenario.AnnexRecommendations[0];
        var judged = await _throughB.JudgeAsync($"replica-{target.Recommendation.Id}", target.Recommendation.Id, scenario.PduInspection.Id,
            target.Recommendation.Version, target.Published.Judgement, target.Published.Repeated);

        var seenOnA = await NextAsync(onA);
        var seenOnB = await NextAsync(onB);
        Assert.Equal(("subscribed", "subscribed"), (markerA.Type, markerB.Type));
        Assert.Equal(("progress_judgement_recorded", judged.Id), (seenOnA.Type, seenOnA.JudgementId));
        Assert.Equal((seenOnB.Sequence, seenOnB.JudgementId), (seenOnA.Sequence, seenOnA.JudgementId));
        Assert.Equal(markerA.Sequence + 1, seenOnA.Sequence);
    }

    [Fact]
    public async Task A_watcher_resuming_with_its_cursor_after_its_replica_restarted_gets_every_change_it_missed_once()
    {
        var scenario = await AnnexScenario.LoadAsync(_throughB);
        var due = scenario.AnnexRecommendations;
        // All but three are judged beforehand: publishing, the last change here, needs every one judged.
        foreach (var (recommendation, published) in due.Skip(3))
            await _throughB.JudgeAsync($"before-{recommendation.Id}", recommendation.Id, scenario.PduInspection.Id, recommendation.Version, published.Judgement, published.Repeated);

        long cursor;
        using (var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        await using (var onA = Watch(_replicaA, scenario, null, cancel.Token))
        {
            await NextAsync(onA);
            await JudgeAsync(scenario, 0);
            cursor = (await NextAsync(onA)).Sequence;
        }

        // Replica A goes away; two changes are made through B while it is down; A comes back.
        await _replicaA.DisposeAsync();
        var missed = new[] { await JudgeAsync(scenario, 1), await JudgeAsync(scenario, 2) };
        _replicaA = await StartReplicaAsync();

        using var again = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var resumed = Watch(_replicaA, scenario, cursor, again.Token);
        var marker = await NextAsync(resumed);
        var first = await NextAsync(resumed);
        var second = await NextAsync(resumed);
        var inspection = await _throughB.GetInspectionAsync(scenario.PduInspection.Id);
        await _throughB.PublishAsync($"replica-pub-{inspection.Id}", inspection.Id, inspection.Version, "2022-08-01");
        var next = await NextAsync(resumed);

        Assert.Equal(("subscribed", cursor), (marker.Type, marker.Sequence));
        Assert.Equal(missed, new[] { first.JudgementId, second.JudgementId });
        Assert.Equal((cursor + 1, cursor + 2), (first.Sequence, second.Sequence));
        Assert.Equal(("inspection_published", cursor + 3), (next.Type, next.Sequence));
    }

    [Fact]
    public async Task A_cursor_past_the_newest_change_is_refused_naming_after_sequence()
    {
        var client = _replicaA.CreateClient<RecommendationTracking.RecommendationTrackingClient>();
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var call = client.WatchChanges(new WatchChangesRequest { AfterSequence = long.MaxValue }, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)));
            await call.ResponseStream.MoveNext(CancellationToken.None);
        });

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("after_sequence", Assert.Single(error.FieldViolations).Field);
    }

    private async Task<string> JudgeAsync(AnnexScenario scenario, int index)
    {
        var (recommendation, published) = scenario.AnnexRecommendations[index];
        return (await _throughB.JudgeAsync($"missed-{recommendation.Id}", recommendation.Id, scenario.PduInspection.Id,
            recommendation.Version, published.Judgement, published.Repeated)).Id;
    }

    private Task<ServiceTestHost<Program>> StartReplicaAsync() => ServiceTestHost<Program>.StartAsync(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Default"] = _database,
        ["Services:assessment-scoring:GrpcUrl"] = _scoring.GrpcAddress,
    });

    private static IAsyncEnumerator<ChangeEvent> Watch(ServiceTestHost<Program> replica, AnnexScenario scenario, long? after, CancellationToken ct)
    {
        var request = new WatchChangesRequest { ProviderId = scenario.Pdu.Id };
        if (after is { } cursor) request.AfterSequence = cursor;
        return replica.CreateClient<RecommendationTracking.RecommendationTrackingClient>()
            .WatchChanges(request, new CallOptions(cancellationToken: ct)).ResponseStream.ReadAllAsync(ct).GetAsyncEnumerator(ct);
    }

    private static async Task<ChangeEvent> NextAsync(IAsyncEnumerator<ChangeEvent> stream)
    {
        Assert.True(await stream.MoveNextAsync());
        return stream.Current;
    }
}
