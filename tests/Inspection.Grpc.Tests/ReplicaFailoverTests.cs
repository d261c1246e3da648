using Inspection.Grpc.Tests.Server;
using Inspection.Grpc.Tests.Support;
using Inspection.Recommendations.V1;
using Inspection.ServiceDefaults;
using Inspection.Testing.V1;

namespace Inspection.Grpc.Tests;

/// <summary>
/// Clients that spread over replicas and survive one going: two real hosts on two ports behind a <c>static:///</c>
/// address, calls round robin over both, and after one stops reads and writes with a request id still succeed on the
/// other; a write without a request id is never retried (it could apply twice).
/// </summary>
public sealed class ReplicaFailoverTests : IAsyncLifetime
{
    private TestGrpcServer _first = null!;
    private TestGrpcServer _second = null!;
    private bool _firstStopped;

    public async Task InitializeAsync()
    {
        _first = await TestGrpcServer.StartAsync();
        _second = await TestGrpcServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (!_firstStopped) await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    private ServiceClientHost Balanced() => new(new Dictionary<string, string?>
    {
        [$"Services:{ServiceClientHost.AppId}:GrpcUrl"] = $"static:///{ServiceClientHost.AppId}",
        [$"Services:{ServiceClientHost.AppId}:Replicas"] = $"{_first.Target},{_second.Target}",
    });

    private static CallOptions Keyed(string key, int failFirst = 0) =>
        new(new Metadata { { "x-call-key", key }, { "x-fail-first", failFirst.ToString() } }, deadline: DateTime.UtcNow.AddSeconds(30));

    [Fact]
    public void Writes_retried_with_a_request_id_are_read_from_the_contract_not_listed_by_hand()
    {
        var interop = RequestIdRetries.For(typeof(Interop.InteropClient))!;
        var tracking = RequestIdRetries.For(typeof(RecommendationTracking.RecommendationTrackingClient))!;

        Assert.Equal(["/inspection.testing.v1.Interop/Record"], interop.Methods);
        Assert.Contains("/inspection.recommendations.v1.RecommendationTracking/RecordProgressJudgement", tracking.Methods);
        Assert.Contains("/inspection.recommendations.v1.RecommendationTracking/PublishInspection", tracking.Methods);
        Assert.DoesNotContain("/inspection.recommendations.v1.RecommendationTracking/GetInspection", tracking.Methods);
        Assert.DoesNotContain("/inspection.recommendations.v1.RecommendationTracking/WatchChanges", tracking.Methods);
    }

    [Fact]
    public async Task A_write_with_a_request_id_is_retried_on_unavailable_and_one_without_is_not()
    {
        using var clients = new ServiceClientHost(new Dictionary<string, string?>
        {
            [$"Services:{ServiceClientHost.AppId}:GrpcUrl"] = _first.Address,
        });
        var withId = Guid.NewGuid().ToString();
        var withoutId = Guid.NewGuid().ToString();

        var reply = await clients.Client.RecordAsync(new RecordRequest { RequestId = "req-1", Text = "kept" }, Keyed(withId, failFirst: 2));
        var refused = await Assert.ThrowsAsync<UpstreamException>(() =>
            clients.Client.RecordAsync(new RecordRequest { Text = "could apply twice" }, Keyed(withoutId, failFirst: 1)).ResponseAsync);

        Assert.Equal("kept", reply.Text);
        Assert.Equal(3, _first.Flaky.AttemptsOf(withId));
        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        Assert.Equal(1, _first.Flaky.AttemptsOf(withoutId));
    }

    [Fact]
    public async Task A_write_with_a_request_id_stops_at_the_attempt_bound()
    {
        using var clients = new ServiceClientHost(new Dictionary<string, string?>
        {
            [$"Services:{ServiceClientHost.AppId}:GrpcUrl"] = _first.Address,
        });
        var key = Guid.NewGuid().ToString();

        var e = await Assert.ThrowsAsync<UpstreamException>(() =>
            clients.Client.RecordAsync(new RecordRequest { RequestId = "req-2" }, Keyed(key, failFirst: 100)).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, e.StatusCode);
        Assert.Equal(RequestIdRetries.MaxAttempts, _first.Flaky.AttemptsOf(key));
    }

    [Fact]
    public async Task Calls_go_round_robin_over_both_replicas_and_go_on_succeeding_on_one_when_the_other_stops()
    {
        using var clients = Balanced();
        var keys = new List<string>();
        for (var i = 0; i < 200 && (keys.Count < 10 || Served(_first, keys) == 0 || Served(_second, keys) == 0); i++)
        {
            keys.Add(Guid.NewGuid().ToString());
            await clients.Client.EchoAsync(new EchoRequest { Text = "spread" }, Keyed(keys[^1]));
        }
        var spread = (First: Served(_first, keys), Second: Served(_second, keys));

        await _first.DisposeAsync();
        _firstStopped = true;
        var after = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            after.Add(Guid.NewGuid().ToString());
            Assert.Equal("read", (await clients.Client.EchoAsync(new EchoRequest { Text = "read" }, Keyed(after[^1]))).Text);
            after.Add(Guid.NewGuid().ToString());
            Assert.Equal("write", (await clients.Client.RecordAsync(new RecordRequest { RequestId = $"after-{i}", Text = "write" }, Keyed(after[^1]))).Text);
        }

        Assert.True(spread.First > 0 && spread.Second > 0, $"calls served: {spread}");
        Assert.Equal(after.Count, Served(_second, after));
    }

    private static int Served(TestGrpcServer server, IEnumerable<string> keys) => keys.Count(k => server.Flaky.AttemptsOf(k) > 0);
}
