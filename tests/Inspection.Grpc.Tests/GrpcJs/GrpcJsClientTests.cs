using System.Text.Json;
using Inspection.Grpc.Tests.Server;

namespace Inspection.Grpc.Tests.GrpcJs;

/// <summary>
/// grpc-js (another gRPC implementation) calls the grpc-dotnet server built by Inspection.ServiceDefaults:
/// tests/interop/client.js runs every case once and reports what it saw; each test checks one case.
/// </summary>
public sealed class GrpcJsClientTests(GrpcJsClientTests.Run run) : IClassFixture<GrpcJsClientTests.Run>
{
    public sealed class Run : IAsyncLifetime
    {
        private TestGrpcServer? _server;

        public JsonElement Results { get; private set; }
        public TestGrpcServer Server => _server!;

        public async Task InitializeAsync()
        {
            await NodePeer.EnsureInstalledAsync();
            _server = await TestGrpcServer.StartAsync();
            var (exit, stdout, stderr) = await NodePeer.RunScriptAsync("client.js", [$"127.0.0.1:{_server.Port}"], TimeSpan.FromSeconds(60));
            if (exit != 0) throw new InvalidOperationException($"client.js exited {exit}: {stderr}");
            Results = JsonDocument.Parse(stdout).RootElement.Clone();
        }

        public async Task DisposeAsync()
        {
            if (_server is not null) await _server.DisposeAsync();
        }
    }

    private JsonElement Case(string name)
    {
        var result = run.Results.GetProperty(name);
        Assert.False(result.TryGetProperty("thrown", out var thrown), $"{name} threw in node: {thrown}");
        return result;
    }

    private static int Code(JsonElement result) => result.TryGetProperty("code", out var code) ? code.GetInt32() : 0;

    [Fact]
    public void Unary()
    {
        var result = Case("unary");
        Assert.Equal(0, Code(result));
        Assert.Equal("grpc-js → .NET ✓", result.GetProperty("text").GetString());
        Assert.Equal([1, 2, 3], result.GetProperty("payload").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(-1, result.GetProperty("deadline_remaining_ms").GetInt64());
    }

    [Fact]
    public void The_grpc_js_deadline_reaches_the_handler()
    {
        var result = Case("unaryWithDeadline");
        Assert.Equal(0, Code(result));
        Assert.InRange(result.GetProperty("deadline_remaining_ms").GetInt64(), 5_000, 10_000);
    }

    [Fact]
    public void Server_streaming()
    {
        var result = Case("serverStreaming");
        Assert.Equal(0, Code(result));
        Assert.Equal(Enumerable.Range(1, 50), result.GetProperty("indexes").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public void A_stream_failing_part_way_delivers_its_messages_then_its_status()
    {
        var result = Case("streamFailingAfterThree");
        Assert.Equal([1, 2, 3], result.GetProperty("indexes").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal((int)StatusCode.Aborted, Code(result));
        Assert.Equal("stopped after 3", result.GetProperty("details").GetString());
    }

    [Fact]
    public void Invalid_argument_with_field_violations_decoded_from_grpc_status_details_bin()
    {
        var result = Case("invalidArgument");
        Assert.Equal((int)StatusCode.InvalidArgument, Code(result));
        var rich = result.GetProperty("rich");
        Assert.Equal((int)StatusCode.InvalidArgument, rich.GetProperty("code").GetInt32());
        Assert.Equal(
            [("name", "must not be empty"), ("count", "must be between 1 and 10")],
            rich.GetProperty("violations").EnumerateArray().Select(v => (v.GetProperty("field").GetString(), v.GetProperty("description").GetString())));
    }

    [Fact]
    public void Deadline_exceeded()
    {
        var result = Case("deadline");
        Assert.Equal((int)StatusCode.DeadlineExceeded, Code(result));
        Assert.InRange(result.GetProperty("elapsed_ms").GetInt64(), 250, 15_000);
    }

    [Fact]
    public void Metadata_travels_both_ways_as_headers_and_trailers_text_and_binary()
    {
        var result = Case("metadata");
        Assert.Equal(0, Code(result));
        Assert.Equal("m", result.GetProperty("text").GetString());
        Assert.Equal("from grpc-js, 100% ascii", result.GetProperty("header").GetString());
        Assert.Equal("from grpc-js, 100% ascii", result.GetProperty("trailer").GetString());
        Assert.Equal([0, 1, 254, 255], result.GetProperty("bin").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public void Request_bytes_that_do_not_parse_are_invalid_argument()
    {
        var result = Case("unparsable");
        Assert.Equal((int)StatusCode.InvalidArgument, Code(result));
        Assert.Equal("Message could not be parsed as inspection.testing.v1.EchoRequest", result.GetProperty("details").GetString());
    }

    [Theory]
    [InlineData("unknownMethod")]
    [InlineData("unknownService")]
    public void Unknown_method_or_service_is_unimplemented(string name) =>
        Assert.Equal((int)StatusCode.Unimplemented, Code(Case(name)));

    [Fact]
    public void A_large_message_round_trips()
    {
        var result = Case("largeMessage");
        Assert.Equal(0, Code(result));
        Assert.Equal(3 * 1024 * 1024, result.GetProperty("received").GetInt32());
        Assert.True(result.GetProperty("identical").GetBoolean());
    }

    [Fact]
    public void Gzip_compressed_requests_from_grpc_js_are_decoded()
    {
        var result = Case("gzipRequest");
        Assert.Equal(0, Code(result));
        Assert.True(result.GetProperty("identical").GetBoolean());
        Assert.Equal(20_000, result.GetProperty("payload").GetInt32());
        Assert.Contains("gzip", run.Server.Probe.EchoEncodings);
    }

    [Fact]
    public void A_percent_encoded_status_message_is_decoded_by_grpc_js()
    {
        var result = Case("statusMessage");
        Assert.Equal((int)StatusCode.FailedPrecondition, Code(result));
        Assert.Equal("Évaluation échouée: 100% ✓ 完了", result.GetProperty("details").GetString());
    }

    [Fact]
    public void An_unexpected_exception_reaches_grpc_js_as_internal_without_internals()
    {
        var result = Case("unexpectedException");
        Assert.Equal((int)StatusCode.Internal, Code(result));
        Assert.DoesNotContain("SELECT", result.GetProperty("details").GetString());
        Assert.Matches("trace id [0-9a-z]+", result.GetProperty("details").GetString());
    }
}
