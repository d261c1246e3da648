using Inspection.Grpc.Tests.Server;
using Inspection.Testing.V1;

namespace Inspection.Grpc.Tests;

public sealed class ServerStreamingTests(SharedServer server) : IClassFixture<SharedServer>
{
    [Fact]
    public async Task Count_streams_every_message_in_order()
    {
        var received = new List<int>();
        await foreach (var reply in server.Client.Count(new CountRequest { N = 100 })) received.Add(reply.Index);
        Assert.Equal(Enumerable.Range(1, 100), received);
    }

    [Fact]
    public async Task An_empty_stream_ends_ok()
    {
        var received = 0;
        await foreach (var _ in server.Client.Count(new CountRequest { N = 0 })) received++;
        Assert.Equal(0, received);
    }

    [Fact]
    public async Task A_failure_after_some_messages_arrives_after_them_in_the_trailers()
    {
        var received = new List<int>();
        var e = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var reply in server.Client.Count(new CountRequest { N = 10, FailAfter = 3 })) received.Add(reply.Index);
        });
        Assert.Equal([1, 2, 3], received);
        Assert.Equal(StatusCode.Aborted, e.StatusCode);
        Assert.Equal("stopped after 3", e.Status.Detail);
    }

    [Fact]
    public async Task Leaving_a_stream_early_and_cancelling_one_leave_the_channel_usable()
    {
        await foreach (var reply in server.Client.Count(new CountRequest { N = 1000 }))
            if (reply.Index == 2) break;

        using var cancel = new CancellationTokenSource();
        var e = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var reply in server.Client.Count(new CountRequest { N = 100_000 }).WithCancellation(cancel.Token))
                if (reply.Index == 5) cancel.Cancel();
        });
        Assert.Equal(StatusCode.Cancelled, e.StatusCode);

        var count = 0;
        await foreach (var _ in server.Client.Count(new CountRequest { N = 3 })) count++;
        Assert.Equal(3, count);
    }

    [Fact]
    public async Task An_unknown_streaming_method_fails_as_unimplemented()
    {
        var method = new Method<CountRequest, CountReply>(Interop.ServiceName, "Nope", MethodType.ServerStreaming, CountRequest.Parser, CountReply.Parser, idempotent: false);
        var e = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in server.Channel.ServerStreaming(method, new CountRequest())) { }
        });
        Assert.Equal(StatusCode.Unimplemented, e.StatusCode);
    }
}
