using System.Diagnostics;
using Google.Protobuf;
using Inspection.Domain;
using Inspection.Grpc.Tests.Support;
using Inspection.Testing.V1;

namespace Inspection.Grpc.Tests.GrpcJs;

/// <summary>
/// The .NET client (grpc-dotnet's GrpcChannel and the Grpc.Tools client; the service client of AddServiceClient for
/// retries) calls a grpc-js server (tests/interop/server.js) for the same cases.
/// </summary>
public sealed class GrpcJsServerTests(GrpcJsServerTests.Peer peer) : IClassFixture<GrpcJsServerTests.Peer>
{
    public sealed class Peer : IAsyncLifetime
    {
        private NodeServer? _server;

        public NodeServer Server => _server!;

        public GrpcChannel Channel { get; private set; } = null!;
        public Interop.InteropClient Client { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _server = await NodePeer.StartServerAsync();
            Channel = GrpcChannel.ForAddress(_server.Address);
            Client = new Interop.InteropClient(Channel);
        }

        public Task DisposeAsync()
        {
            Channel?.Dispose();
            _server?.Dispose();
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Unary()
    {
        var reply = await peer.Client.EchoAsync(new EchoRequest { Payload = ByteString.CopyFrom(1, 2, 3), Text = ".NET → grpc-js ✓" });
        Assert.Equal(".NET → grpc-js ✓", reply.Text);
        Assert.Equal(new byte[] { 1, 2, 3 }, reply.Payload.ToByteArray());
        Assert.Equal(-1, reply.DeadlineRemainingMs);
    }

    [Fact]
    public async Task Our_grpc_timeout_is_understood_by_grpc_js()
    {
        var reply = await peer.Client.EchoAsync(new EchoRequest(), new CallOptions(deadline: DateTime.UtcNow.AddSeconds(10)));
        Assert.InRange(reply.DeadlineRemainingMs, 5_000, 10_000);
    }

    [Fact]
    public async Task Metadata_travels_both_ways_as_headers_and_trailers_text_and_binary()
    {
        var call = peer.Client.EchoAsync(new EchoRequest { Text = "m" },
            new CallOptions(new Metadata { { "x-echo", "from .NET, 100% ascii" }, { "x-echo-bin", new byte[] { 0, 1, 254, 255 } } }));

        var headers = await call.ResponseHeadersAsync;
        Assert.Equal("m", (await call).Text);
        var trailers = call.GetTrailers();
        Assert.Equal("from .NET, 100% ascii", headers.GetValue("x-echo-header"));
        Assert.Equal("from .NET, 100% ascii", trailers.GetValue("x-echo-trailer"));
        Assert.Equal(new byte[] { 0, 1, 254, 255 }, trailers.GetValueBytes("x-echo-bin"));
    }

    [Fact]
    public async Task A_service_client_reaches_a_grpc_js_server_and_its_deadline_with_it()
    {
        using var clients = new ServiceClientHost(new Dictionary<string, string?> { [$"Services:{ServiceClientHost.AppId}:GrpcUrl"] = peer.Server.Address });
        var reply = await clients.Client.EchoAsync(new EchoRequest { Text = "factory" }, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)));
        Assert.Equal("factory", reply.Text);
        Assert.InRange(reply.DeadlineRemainingMs, 1, 30_000);
    }

    [Fact]
    public async Task Server_streaming()
    {
        var received = new List<int>();
        await foreach (var reply in peer.Client.Count(new CountRequest { N = 50 }).ResponseStream.ReadAllAsync()) received.Add(reply.Index);
        Assert.Equal(Enumerable.Range(1, 50), received);
    }

    [Fact]
    public async Task A_stream_failing_part_way_delivers_its_messages_then_its_status()
    {
        var received = new List<int>();
        var e = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var reply in peer.Client.Count(new CountRequest { N = 10, FailAfter = 3 }).ResponseStream.ReadAllAsync()) received.Add(reply.Index);
        });
        Assert.Equal([1, 2, 3], received);
        Assert.Equal(StatusCode.Aborted, e.StatusCode);
        Assert.Equal("stopped after 3", e.Status.Detail);
    }

    [Fact]
    public async Task Invalid_argument_with_field_violations_from_grpc_js()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => peer.Client.ValidateAsync(new ValidateRequest { Name = " ", Count = 0 }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal([new FieldViolation("name", "must not be empty"), new FieldViolation("count", "must be between 1 and 10")], e.FieldViolations);
    }

    [Fact]
    public async Task Deadline_exceeded()
    {
        var watch = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<RpcException>(() =>
            peer.Client.SlowAsync(new SlowRequest { DelayMs = 30_000 }, new CallOptions(deadline: DateTime.UtcNow.AddMilliseconds(500))).ResponseAsync);
        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
        Assert.InRange(watch.ElapsedMilliseconds, 450, 15_000);
    }

    [Fact]
    public async Task An_unknown_method_is_unimplemented()
    {
        var method = new Method<EchoRequest, EchoReply>(MethodType.Unary, Interop.Descriptor.FullName, "NoSuchMethod",
            Marshallers.Create((EchoRequest r) => r.ToByteArray(), EchoRequest.Parser.ParseFrom), Marshallers.Create((EchoReply r) => r.ToByteArray(), EchoReply.Parser.ParseFrom));
        var e = await Assert.ThrowsAsync<RpcException>(() => peer.Channel.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(), new EchoRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unimplemented, e.StatusCode);
    }

    [Fact]
    public async Task A_large_message_round_trips()
    {
        var payload = new byte[3 * 1024 * 1024];
        Random.Shared.NextBytes(payload);
        var reply = await peer.Client.EchoLargeAsync(new LargeMessage { Payload = ByteString.CopyFrom(payload) });
        Assert.Equal(payload, reply.Payload.ToByteArray());
    }

    [Fact]
    public async Task A_status_message_from_grpc_js_is_decoded()
    {
        const string detail = "Évaluation échouée: 100% ✓ 完了";
        var e = await Assert.ThrowsAsync<RpcException>(() =>
            peer.Client.FailAsync(new FailRequest { Code = (int)StatusCode.FailedPrecondition, Message = detail }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
        Assert.Equal(detail, e.Status.Detail);
    }

    [Fact]
    public async Task A_handler_error_in_grpc_js_arrives_as_its_status()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => peer.Client.FailAsync(new FailRequest { Unexpected = true }).ResponseAsync);
        Assert.Equal(StatusCode.Unknown, e.StatusCode);
    }
}
