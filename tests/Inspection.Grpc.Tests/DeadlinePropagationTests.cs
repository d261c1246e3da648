using Inspection.ServiceDefaults;
using System.Diagnostics;
using Inspection.Grpc.Tests.Server;
using Inspection.Grpc.Tests.Support;
using Inspection.Testing.V1;

namespace Inspection.Grpc.Tests;

/// <summary>
/// A call a handler makes through its service client (AddServiceClient, with EnableCallContextPropagation) inherits
/// the deadline and cancellation of the call being served, without the handler passing them on. The Relay handler
/// calls the same host through such a client with no options of its own.
/// </summary>
public sealed class DeadlinePropagationTests(SharedServer server) : IClassFixture<SharedServer>
{
    [Fact]
    public async Task The_incoming_deadline_carries_on_to_the_calls_a_handler_makes()
    {
        var reply = await server.Client.RelayAsync(new RelayRequest { Text = "onwards" }, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)));

        Assert.Equal("onwards", reply.Text);
        Assert.InRange(reply.DeadlineRemainingMs, 1, 30_000);
    }

    [Fact]
    public async Task Without_an_incoming_deadline_the_onward_call_gets_the_default_one()
    {
        // #20: every call to another app has a deadline (before, this one had none and could wait for ever)
        var reply = await server.Client.RelayAsync(new RelayRequest { Text = "open-ended" });
        Assert.InRange(reply.DeadlineRemainingMs, 1, (long)ServiceClients.DefaultCallDeadline.TotalMilliseconds);
    }

    [Fact]
    public async Task The_onward_call_is_cancelled_when_the_incoming_deadline_passes()
    {
        var key = Guid.NewGuid().ToString();
        var watch = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<RpcException>(() => server.Client.RelayAsync(new RelayRequest { Text = key, SlowMs = 60_000 },
            new CallOptions(deadline: DateTime.UtcNow.AddSeconds(4))).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
        Assert.True(watch.ElapsedMilliseconds < 30_000, $"took {watch.ElapsedMilliseconds} ms");
        // the onward Slow call's handler saw its own token fire: the deadline reached it
        await server.Server.Probe.SlowCallCancelled(key).WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task The_onward_call_is_cancelled_when_the_caller_cancels()
    {
        var key = Guid.NewGuid().ToString();
        using var cancel = new CancellationTokenSource();
        var call = server.Client.RelayAsync(new RelayRequest { Text = key, SlowMs = 60_000 }, new CallOptions(cancellationToken: cancel.Token));
        await server.Server.Probe.SlowCallStarted(key).WaitAsync(TimeSpan.FromSeconds(20));

        cancel.Cancel();

        var e = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.Cancelled, e.StatusCode);
        await server.Server.Probe.SlowCallCancelled(key).WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_service_client_used_outside_a_served_call_works_and_inherits_nothing_but_the_default_deadline()
    {
        // e.g. from a background job: no call context to propagate, and that is not an error; #20: the default deadline applies
        using var clients = new ServiceClientHost(new Dictionary<string, string?>
        {
            [$"Services:{ServiceClientHost.AppId}:GrpcUrl"] = server.Server.Address,
        });
        var reply = await clients.Client.EchoAsync(new EchoRequest { Text = "background" });
        Assert.Equal("background", reply.Text);
        Assert.InRange(reply.DeadlineRemainingMs, 1, (long)ServiceClients.DefaultCallDeadline.TotalMilliseconds);
    }
}
