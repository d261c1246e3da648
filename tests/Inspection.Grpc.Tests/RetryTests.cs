using System.Diagnostics;
using Inspection.Grpc.Tests.Server;
using Inspection.Testing.V1;

namespace Inspection.Grpc.Tests;

/// <summary>Retries happen only for methods the .proto marks idempotent, only on UNAVAILABLE, and within a bound.</summary>
public sealed class RetryTests(SharedServer server) : IClassFixture<SharedServer>, IDisposable
{
    private readonly List<GrpcChannel> _channels = [];

    private Interop.InteropClient FastRetryingClient(string address)
    {
        var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            Address = new Uri(address), InitialBackoff = TimeSpan.FromMilliseconds(10), MaxBackoff = TimeSpan.FromMilliseconds(50), MaxAttempts = 4,
        });
        _channels.Add(channel);
        return new Interop.InteropClient(channel);
    }

    public void Dispose() => _channels.ForEach(c => c.Dispose());

    private static CallOptions FailingFirst(int attempts, out string key)
    {
        key = Guid.NewGuid().ToString();
        return new CallOptions(new Metadata().Add("x-call-key", key).Add("x-fail-first", attempts.ToString()));
    }

    [Fact]
    public async Task An_idempotent_method_is_retried_on_unavailable_until_it_succeeds()
    {
        var client = FastRetryingClient(server.Server.Address);
        var reply = await client.EchoAsync(new EchoRequest { Text = "third time" }, FailingFirst(2, out var key));
        Assert.Equal("third time", reply.Text);
        Assert.Equal(3, server.Server.Flaky.AttemptsOf(key));
    }

    [Fact]
    public async Task Retries_stop_at_the_attempt_bound()
    {
        var client = FastRetryingClient(server.Server.Address);
        var options = FailingFirst(100, out var key);
        var e = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest(), options));
        Assert.Equal(StatusCode.Unavailable, e.StatusCode);
        Assert.Equal(4, server.Server.Flaky.AttemptsOf(key));
    }

    [Fact]
    public async Task A_method_not_marked_idempotent_is_never_retried()
    {
        var client = FastRetryingClient(server.Server.Address);
        var options = FailingFirst(1, out var key);
        var e = await Assert.ThrowsAsync<RpcException>(() => client.AppendAsync(new EchoRequest(), options));
        Assert.Equal(StatusCode.Unavailable, e.StatusCode);
        Assert.Equal(1, server.Server.Flaky.AttemptsOf(key));
    }

    [Fact]
    public async Task Other_failures_are_not_retried()
    {
        var client = FastRetryingClient(server.Server.Address);
        var options = FailingFirst(0, out var key) with { Deadline = DateTime.UtcNow.AddSeconds(-1) };
        var e = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest(), options));
        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
        Assert.Equal(0, server.Server.Flaky.AttemptsOf(key));
    }

    [Fact]
    public async Task A_server_that_starts_listening_late_is_reached_by_retrying()
    {
        var port = TestGrpcServer.FreePort();
        var address = $"http://127.0.0.1:{port}";
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            Address = new Uri(address), InitialBackoff = TimeSpan.FromMilliseconds(200), MaxBackoff = TimeSpan.FromSeconds(1), MaxAttempts = 10,
        });
        var client = new Interop.InteropClient(channel);

        // nothing listens yet: a call not marked idempotent fails at once
        var e = await Assert.ThrowsAsync<RpcException>(() => client.AppendAsync(new EchoRequest()));
        Assert.Equal(StatusCode.Unavailable, e.StatusCode);

        var watch = Stopwatch.StartNew();
        var call = client.EchoAsync(new EchoRequest { Text = "late" }, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(20)));
        await Task.Delay(300);
        Assert.False(call.IsCompleted);
        await using var late = await TestGrpcServer.StartAsync(port: port);
        Assert.Equal("late", (await call).Text);
        Assert.InRange(watch.ElapsedMilliseconds, 300, 20_000);
    }

    [Fact]
    public async Task Backing_off_stops_at_the_deadline()
    {
        var address = $"http://127.0.0.1:{TestGrpcServer.FreePort()}";
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            Address = new Uri(address), InitialBackoff = TimeSpan.FromSeconds(5), MaxAttempts = 5,
        });
        var watch = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<RpcException>(() =>
            new Interop.InteropClient(channel).EchoAsync(new EchoRequest(), new CallOptions(deadline: DateTime.UtcNow.AddMilliseconds(500))));
        Assert.Equal(StatusCode.Unavailable, e.StatusCode);
        Assert.True(watch.ElapsedMilliseconds < 4_000, $"took {watch.ElapsedMilliseconds} ms");
    }
}
