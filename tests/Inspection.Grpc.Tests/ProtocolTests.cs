using System.IO.Compression;
using System.Net;
using Google.Protobuf;
using Inspection.Grpc.Tests.Server;
using Inspection.Testing.V1;

namespace Inspection.Grpc.Tests;

/// <summary>What the server puts on the wire, checked with a bare HTTP/2 client.</summary>
public sealed class ProtocolTests(SharedServer server) : IClassFixture<SharedServer>, IDisposable
{
    private readonly RawHttp2 _raw = new();
    private static readonly string EchoPath = "/" + Interop.EchoMethod.FullName;

    [Fact]
    public async Task A_unary_call_answers_headers_one_message_and_status_trailers()
    {
        var response = await _raw.PostAsync(server.Server.Address, EchoPath, RawHttp2.Frame(new EchoRequest { Text = "hello" }));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/grpc", response.ContentHeaders.ContentType?.MediaType);
        Assert.Equal(0, response.Body[0]);
        Assert.Equal("hello", EchoReply.Parser.ParseFrom(response.Body.AsSpan(5).ToArray()).Text);
        Assert.Equal("0", response.Trailer("grpc-status"));
        Assert.Null(response.Header("grpc-status"));
    }

    [Fact]
    public async Task Application_grpc_proto_is_accepted_too()
    {
        var response = await _raw.PostAsync(server.Server.Address, EchoPath, RawHttp2.Frame(new EchoRequest { Text = "p" }), "application/grpc+proto");
        Assert.Equal("0", response.Trailer("grpc-status"));
    }

    [Theory]
    [InlineData("/inspection.testing.v1.Nowhere/Echo", "Service inspection.testing.v1.Nowhere")]
    [InlineData("/inspection.testing.v1.Interop/NoSuchMethod", "NoSuchMethod")]
    public async Task An_unknown_service_or_method_is_http_200_with_grpc_status_unimplemented(string path, string mentioned)
    {
        var response = await _raw.PostAsync(server.Server.Address, path, RawHttp2.Frame(new EchoRequest()));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("12", response.Header("grpc-status"));
        Assert.Contains(mentioned, StatusMessageEncoding.Decode(response.Header("grpc-message")));
        Assert.Empty(response.Body);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/grpc-web")]
    [InlineData(null)]
    public async Task Another_content_type_is_refused_with_415(string? contentType)
    {
        var response = await _raw.PostAsync(server.Server.Address, EchoPath, RawHttp2.Frame(new EchoRequest()), contentType);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
        Assert.Equal("3", response.Header("grpc-status")); // the caller's error, not INTERNAL
    }

    [Fact]
    public async Task An_error_before_the_first_message_is_a_trailers_only_response()
    {
        var response = await _raw.PostAsync(server.Server.Address, "/" + Interop.ValidateMethod.FullName, RawHttp2.Frame(new ValidateRequest()));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("3", response.Header("grpc-status"));
        Assert.NotNull(response.Header(StatusDetails.TrailerName));
        Assert.Equal("application/grpc", response.ContentHeaders.ContentType?.MediaType);
        Assert.Empty(response.Body);
        Assert.Empty(response.Trailers);
    }

    [Fact]
    public async Task A_gzip_compressed_request_frame_is_inflated()
    {
        var message = new EchoRequest { Text = "compressed", Payload = ByteString.CopyFrom(new byte[10_000]) };
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) message.WriteTo(gzip);

        var response = await _raw.PostAsync(server.Server.Address, EchoPath, RawHttp2.Frame(1, compressed.ToArray()), "application/grpc", ("grpc-encoding", "gzip"));

        Assert.Equal("0", response.Trailer("grpc-status"));
        var reply = EchoReply.Parser.ParseFrom(response.Body.AsSpan(5).ToArray());
        Assert.Equal("compressed", reply.Text);
        Assert.Equal(10_000, reply.Payload.Length);
    }

    [Fact]
    public async Task An_unsupported_grpc_encoding_is_unimplemented_and_names_what_is_accepted()
    {
        var response = await _raw.PostAsync(server.Server.Address, EchoPath, RawHttp2.Frame(1, [1, 2, 3]), "application/grpc", ("grpc-encoding", "snappy"));

        Assert.Equal("12", response.Header("grpc-status"));
        Assert.Contains("gzip", response.Header("grpc-accept-encoding"));
        Assert.Contains("snappy", StatusMessageEncoding.Decode(response.Header("grpc-message")));
    }

    [Fact]
    public async Task A_compressed_frame_without_a_declared_encoding_is_invalid_argument()
    {
        var response = await _raw.PostAsync(server.Server.Address, EchoPath, RawHttp2.Frame(1, [1, 2, 3]));
        Assert.Equal("3", response.Header("grpc-status"));
    }

    [Fact]
    public async Task A_gzip_frame_that_is_not_gzip_is_invalid_argument()
    {
        var response = await _raw.PostAsync(server.Server.Address, EchoPath, RawHttp2.Frame(1, [1, 2, 3, 4, 5, 6]), "application/grpc", ("grpc-encoding", "gzip"));
        Assert.Equal("3", response.Header("grpc-status"));
    }

    [Fact]
    public async Task A_request_message_that_does_not_parse_is_invalid_argument_without_internals()
    {
        var response = await _raw.PostAsync(server.Server.Address, EchoPath, RawHttp2.Frame(0, [0x0A, 0xFF, 0xFF]));
        Assert.Equal("3", response.Header("grpc-status"));
        var message = StatusMessageEncoding.Decode(response.Header("grpc-message"));
        Assert.Contains("could not be parsed as inspection.testing.v1.EchoRequest", message);
        Assert.DoesNotContain("Exception", message);
        Assert.DoesNotContain(" at ", message);
    }

    [Fact]
    public async Task A_nul_character_in_a_text_field_is_invalid_argument_naming_the_field()
    {
        var response = await _raw.PostAsync(server.Server.Address, EchoPath, RawHttp2.Frame(new EchoRequest { Text = "before\0after" }));
        Assert.Equal("3", response.Header("grpc-status"));
        var violations = StatusDetails.DecodeViolations(response.Header(StatusDetails.TrailerName));
        Assert.Equal("text", Assert.Single(violations).Field);
    }

    [Theory]
    [InlineData(0)]  // no message at all
    [InlineData(2)]  // two messages on a unary call
    public async Task A_unary_call_without_exactly_one_message_is_invalid_argument(int messages)
    {
        var body = Enumerable.Repeat(RawHttp2.Frame(new EchoRequest { Text = "m" }), messages).SelectMany(b => b).ToArray();
        var response = await _raw.PostAsync(server.Server.Address, EchoPath, body);
        Assert.Equal("3", response.Header("grpc-status"));
    }

    [Fact]
    public async Task A_truncated_request_frame_is_refused()
    {
        var frame = RawHttp2.Frame(new EchoRequest { Text = "cut short" });
        var response = await _raw.PostAsync(server.Server.Address, EchoPath, frame[..^3]);
        Assert.Equal("3", response.Header("grpc-status"));
        Assert.Contains("truncated", StatusMessageEncoding.Decode(response.Header("grpc-message")));
    }

    [Fact]
    public async Task A_request_over_the_receive_limit_is_resource_exhausted()
    {
        // the frame header alone declares 5 MiB: refused on the header, whatever follows
        var header = new byte[5];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(1), 5 * 1024 * 1024);
        var response = await _raw.PostAsync(server.Server.Address, EchoPath, [.. header, .. new byte[64 * 1024]]);

        Assert.Equal("8", response.Header("grpc-status"));
        Assert.Contains("larger than max", StatusMessageEncoding.Decode(response.Header("grpc-message")));
    }

    [Fact]
    public async Task Grpc_message_is_percent_encoded_on_the_wire()
    {
        const string detail = "Évaluation échouée: 100% ✓\nnext line";
        var response = await _raw.PostAsync(server.Server.Address, "/" + Interop.FailMethod.FullName,
            RawHttp2.Frame(new FailRequest { Code = (int)StatusCode.FailedPrecondition, Message = detail }));

        var wire = response.Header("grpc-message")!;
        Assert.All(wire, c => Assert.InRange(c, ' ', '~'));
        Assert.Contains("%25", wire);
        Assert.Contains("%C3%89", wire);
        Assert.Equal(detail, StatusMessageEncoding.Decode(wire));
    }

    [Theory]
    [InlineData("2000H")] // longer than a timer can wait: no deadline in practice, not a crash
    [InlineData("99999999S")]
    public async Task A_very_long_grpc_timeout_is_accepted(string timeout)
    {
        var response = await _raw.PostAsync(server.Server.Address, EchoPath, RawHttp2.Frame(new EchoRequest { Text = "t" }), "application/grpc", ("grpc-timeout", timeout));
        Assert.Equal("0", response.Trailer("grpc-status"));
    }

    [Fact]
    public async Task A_malformed_grpc_timeout_is_invalid_argument()
    {
        var response = await _raw.PostAsync(server.Server.Address, EchoPath, RawHttp2.Frame(new EchoRequest()), "application/grpc", ("grpc-timeout", "soon"));
        Assert.Equal("3", response.Header("grpc-status"));
    }

    public void Dispose() => _raw.Dispose();
}
