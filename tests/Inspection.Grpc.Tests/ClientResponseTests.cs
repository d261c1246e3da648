using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using Google.Protobuf;
using Google.Rpc;
using Inspection.Grpc.Tests.Server;
using Inspection.Testing.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Inspection.Grpc.Tests;

/// <summary>
/// How the client takes what a server sends, including what a well-behaved server never sends: a scripted HTTP/2
/// server answers each method path with exactly the headers, bytes and trailers a test gives it.
/// </summary>
public sealed class ClientResponseTests(ClientResponseTests.ScriptedServer server) : IClassFixture<ClientResponseTests.ScriptedServer>
{
    public sealed class ScriptedServer : IAsyncLifetime
    {
        private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _scripts = new();
        private WebApplication? _app;

        public string Address { get; private set; } = "";

        public Method<EchoRequest, EchoReply> Script(Func<HttpContext, Task> respond, bool streaming = false)
        {
            var name = "M" + Guid.NewGuid().ToString("N");
            _scripts[$"/scripted.Service/{name}"] = respond;
            return new Method<EchoRequest, EchoReply>("scripted.Service", name, streaming ? MethodType.ServerStreaming : MethodType.Unary,
                EchoRequest.Parser, EchoReply.Parser, idempotent: false);
        }

        public async Task InitializeAsync()
        {
            var port = TestGrpcServer.FreePort();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http2));
            _app = builder.Build();
            _app.Run(http => _scripts.TryGetValue(http.Request.Path.Value!, out var script) ? script(http) : Task.CompletedTask);
            await _app.StartAsync();
            Address = $"http://127.0.0.1:{port}";
        }

        public async Task DisposeAsync()
        {
            if (_app is not null) await _app.DisposeAsync();
        }
    }

    private static readonly EchoReply Reply = new() { Text = "scripted", Payload = ByteString.CopyFrom(new byte[2000]) };

    private static Func<HttpContext, Task> Respond(byte[] body, params (string Name, string Value)[] trailers) => async http =>
    {
        http.Response.ContentType = "application/grpc";
        await http.Response.Body.WriteAsync(body);
        foreach (var (name, value) in trailers) http.Response.AppendTrailer(name, value);
    };

    private async Task<RpcException> FailsAsync(Method<EchoRequest, EchoReply> method, GrpcChannelOptions? options = null)
    {
        using var channel = GrpcChannel.ForAddress(server.Address, options);
        return await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(method, new EchoRequest()));
    }

    [Fact]
    public async Task A_gzip_compressed_response_is_inflated()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) Reply.WriteTo(gzip);
        var method = server.Script(async http =>
        {
            http.Response.Headers["grpc-encoding"] = "gzip";
            await Respond(RawHttp2.Frame(1, compressed.ToArray()), ("grpc-status", "0"))(http);
        });

        using var channel = GrpcChannel.ForAddress(server.Address);
        Assert.Equal(Reply, await channel.UnaryAsync(method, new EchoRequest()));
    }

    [Fact]
    public async Task A_response_arriving_a_few_bytes_at_a_time_is_assembled()
    {
        var frames = RawHttp2.Frame(Reply).Concat(RawHttp2.Frame(Reply)).ToArray();
        var method = server.Script(async http =>
        {
            http.Response.ContentType = "application/grpc";
            foreach (var chunk in frames.Chunk(333))
            {
                await http.Response.Body.WriteAsync(chunk);
                await http.Response.Body.FlushAsync();
            }
            http.Response.AppendTrailer("grpc-status", "0");
        }, streaming: true);

        using var channel = GrpcChannel.ForAddress(server.Address);
        var replies = new List<EchoReply>();
        await foreach (var reply in channel.ServerStreaming(method, new EchoRequest())) replies.Add(reply);
        Assert.Equal([Reply, Reply], replies);
    }

    [Fact]
    public async Task Two_messages_on_a_unary_call_are_internal() =>
        Assert.Equal(StatusCode.Internal, (await FailsAsync(server.Script(Respond([.. RawHttp2.Frame(Reply), .. RawHttp2.Frame(Reply)], ("grpc-status", "0"))))).StatusCode);

    [Fact]
    public async Task A_response_ending_inside_a_frame_is_internal() =>
        Assert.Equal(StatusCode.Internal, (await FailsAsync(server.Script(Respond(RawHttp2.Frame(Reply)[..100], ("grpc-status", "0"))))).StatusCode);

    [Fact]
    public async Task A_response_without_grpc_status_is_internal()
    {
        var e = await FailsAsync(server.Script(Respond(RawHttp2.Frame(Reply))));
        Assert.Equal(StatusCode.Internal, e.StatusCode);
        Assert.Contains("grpc-status", e.Status.Detail);
    }

    [Fact]
    public async Task Ok_without_a_message_is_internal()
    {
        var e = await FailsAsync(server.Script(http =>
        {
            http.Response.ContentType = "application/grpc";
            http.Response.Headers["grpc-status"] = "0";
            return Task.CompletedTask;
        }));
        Assert.Equal(StatusCode.Internal, e.StatusCode);
    }

    [Theory]
    [InlineData(503, StatusCode.Unavailable)]
    [InlineData(404, StatusCode.Unimplemented)]
    [InlineData(401, StatusCode.Unauthenticated)]
    [InlineData(500, StatusCode.Unknown)]
    public async Task A_non_grpc_error_response_maps_by_http_status(int httpStatus, StatusCode expected)
    {
        var e = await FailsAsync(server.Script(http =>
        {
            http.Response.StatusCode = httpStatus;
            http.Response.ContentType = "text/html";
            return http.Response.WriteAsync("<h1>proxy error</h1>");
        }));
        Assert.Equal(expected, e.StatusCode);
    }

    [Fact]
    public async Task A_200_that_is_not_grpc_is_internal()
    {
        var e = await FailsAsync(server.Script(http =>
        {
            http.Response.ContentType = "text/html";
            return http.Response.WriteAsync("<html></html>");
        }));
        Assert.Equal(StatusCode.Internal, e.StatusCode);
    }

    [Fact]
    public async Task A_response_over_the_client_receive_limit_is_resource_exhausted()
    {
        var method = server.Script(Respond(RawHttp2.Frame(Reply), ("grpc-status", "0")));
        var e = await FailsAsync(method, new GrpcChannelOptions { Address = new Uri(server.Address), MaxReceiveMessageSize = 1000 });
        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
    }

    [Fact]
    public async Task Status_details_and_custom_trailers_reach_the_exception()
    {
        var rich = new Google.Rpc.Status { Code = 3, Message = "bad" };
        rich.Details.Add(Google.Protobuf.WellKnownTypes.Any.Pack(new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = "name", Description = "required" } } }));
        var unpadded = Convert.ToBase64String(rich.ToByteArray()).TrimEnd('=');
        var method = server.Script(Respond(RawHttp2.Frame(Reply),
            ("grpc-status", "3"), ("grpc-message", "bad%20request"), ("grpc-status-details-bin", unpadded),
            ("x-retry-hint", "later"), ("x-token-bin", Convert.ToBase64String([9, 8, 7]))));

        var e = await FailsAsync(method);

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal("bad request", e.Status.Detail);
        Assert.Equal([new Inspection.Domain.FieldViolation("name", "required")], e.FieldViolations);
        Assert.Equal("later", e.Trailers.GetValue("x-retry-hint"));
        Assert.Equal(new byte[] { 9, 8, 7 }, e.Trailers.GetValueBytes("x-token-bin"));
    }

    [Fact]
    public async Task Undecodable_status_details_still_give_the_status()
    {
        var e = await FailsAsync(server.Script(Respond([], ("grpc-status", "9"), ("grpc-status-details-bin", "!!not base64!!"))));
        Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
        Assert.Empty(e.FieldViolations);
    }

    [Fact]
    public async Task An_unknown_status_code_is_kept_and_a_garbled_one_is_unknown()
    {
        Assert.Equal((StatusCode)42, (await FailsAsync(server.Script(Respond([], ("grpc-status", "42"))))).StatusCode);
        Assert.Equal(StatusCode.Unknown, (await FailsAsync(server.Script(Respond([], ("grpc-status", "fourteen"))))).StatusCode);
    }
}
