using Inspection.Grpc.Tests.Server;
using Inspection.Testing.V1;

namespace Inspection.Grpc.Tests;

/// <summary>A call made while serving a call inherits that call's deadline, without the service passing it on.</summary>
public sealed class DeadlinePropagationTests(SharedServer server) : IClassFixture<SharedServer>
{
    [Fact]
    public async Task The_incoming_deadline_carries_on_to_the_calls_a_handler_makes()
    {
        var reply = await server.Client.RelayAsync(new RelayRequest { Target = server.Server.Address, Text = "onwards" },
            new CallOptions(deadline: DateTime.UtcNow.AddSeconds(10)));

        Assert.Equal("onwards", reply.Text);
        Assert.InRange(reply.DeadlineRemainingMs, 1, 10_000);
    }

    [Fact]
    public async Task Without_an_incoming_deadline_the_onward_call_has_none()
    {
        var reply = await server.Client.RelayAsync(new RelayRequest { Target = server.Server.Address, Text = "open-ended" });
        Assert.Equal(-1, reply.DeadlineRemainingMs);
    }

    [Fact]
    public async Task Outside_a_served_call_nothing_is_inherited()
    {
        Assert.Null(ServerCallContext.Current);
        var reply = await server.Client.EchoAsync(new EchoRequest());
        Assert.Equal(-1, reply.DeadlineRemainingMs);
    }
}
