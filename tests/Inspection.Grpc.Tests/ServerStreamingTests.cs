using Google.Protobuf;
using Inspection.Grpc.Tests.Server;
using Inspection.Testing.V1;

namespace Inspection.Grpc.Tests;

/// <summary>Server streaming over grpc-dotnet through the ServiceDefaults host (its error interceptor included).</summary>
public sealed class ServerStreamingTests(SharedServer server) : IClassFixture<SharedServer>
{
    [Fact]
    public async Task Count_streams_every_message_in_order()
    {
        var received = new List<int>();
        await foreach (var reply in server.Client.Count(new CountRequest { N = 100 }).ResponseStream.ReadAllAsync()) received.Add(reply.Index);
        Assert.Equal(Enumerable.Range(1, 100), received);
    }

    [Fact]
    public async Task An_empty_stream_ends_ok()
    {
        using var call = server.Client.Count(new CountRequest { N = 0 });
        var received = 0;
        await foreach (var _ in call.ResponseStream.ReadAllAsync()) received++;
        Assert.Equal(0, received);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task A_failure_after_some_messages_arrives_after_them_in_the_trailers()
    {
        var received = new List<int>();
        var e = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var reply in server.Client.Count(new CountRequest { N = 10, FailAfter = 3 }).ResponseStream.ReadAllAsync()) received.Add(reply.Index);
        });
        Assert.Equal([1, 2, 3], received);
        Assert.Equal(StatusCode.Aborted, e.StatusCode);
        Assert.Equal("stopped after 3", e.Status.Detail);
    }

    [Fact]
    public async Task Leaving_a_stream_early_and_cancelling_one_leave_the_channel_usable()
    {
        using (var call = server.Client.Count(new CountRequest { N = 1000 }))
            await foreach (var reply in call.ResponseStream.ReadAllAsync())
                if (reply.Index == 2) break;

        using var cancel = new CancellationTokenSource();
        var e = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var reply in server.Client.Count(new CountRequest { N = 100_000 }, cancellationToken: cancel.Token).ResponseStream.ReadAllAsync())
                if (reply.Index == 5) cancel.Cancel();
        });
        Assert.Equal(StatusCode.Cancelled, e.StatusCode);

        var count = 0;
        await foreach (var _ in server.Client.Count(new CountRequest { N = 3 }).ResponseStream.ReadAllAsync()) count++;
        Assert.Equal(3, count);
    }

    [Fact]
    public async Task An_unknown_streaming_method_fails_as_unimplemented()
    {
        var method = new Method<CountRequest, CountReply>(MethodType.ServerStreaming, Interop.Descriptor.FullName, "Nope",
            Marshallers.Create((CountRequest r) => r.ToByteArray(), CountRequest.Parser.ParseFrom), Marshallers.Create((CountReply r) => r.ToByteArray(), CountReply.Parser.ParseFrom));
        var e = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var call = server.Channel.CreateCallInvoker().AsyncServerStreamingCall(method, null, new CallOptions(), new CountRequest());
            await foreach (var _ in call.ResponseStream.ReadAllAsync()) { }
        });
        Assert.Equal(StatusCode.Unimplemented, e.StatusCode);
    }
}
