using System.IO.Pipelines;
using Inspection.Testing.V1;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Inspection.Grpc.Tests;

/// <summary>The server's request read path fed through a pipe, so each test decides exactly when bytes arrive.</summary>
public sealed class ServerReadPathTests
{
    private readonly Pipe _body = new();
    private readonly GrpcCall _call;

    public ServerReadPathTests()
    {
        var http = new DefaultHttpContext();
        http.Features.Set<IRequestBodyPipeFeature>(new BodyPipe(_body.Reader));
        var context = new ServerCallContext(http, "inspection.testing.v1.Interop/Echo", DateTime.MaxValue, CancellationToken.None, new Metadata());
        _call = new GrpcCall(http, context, new GrpcServerOptions { MaxReceiveMessageSize = 1024 * 1024 }, []);
    }

    private Task<EchoRequest> Read() => _call.ReadRequestAsync(EchoRequest.Parser).AsTask();

    [Fact]
    public async Task A_message_split_across_reads_is_assembled()
    {
        var frame = GrpcFraming.Frame(new EchoRequest { Text = new string('s', 5000) });
        var read = Read();
        foreach (var chunk in frame.Chunk(700))
        {
            Assert.False(read.IsCompleted);
            await _body.Writer.WriteAsync(chunk);
            await Task.Yield();
        }
        await _body.Writer.CompleteAsync();
        Assert.Equal(5000, (await read.WaitAsync(TimeSpan.FromSeconds(5))).Text.Length);
    }

    [Fact]
    public async Task The_header_split_across_reads_is_assembled()
    {
        var frame = GrpcFraming.Frame(new EchoRequest { Text = "h" });
        var read = Read();
        await _body.Writer.WriteAsync(frame.AsMemory(0, 2));
        await Task.Delay(20);
        Assert.False(read.IsCompleted);
        await _body.Writer.WriteAsync(frame.AsMemory(2));
        Assert.Equal("h", (await read.WaitAsync(TimeSpan.FromSeconds(5))).Text);
    }

    [Fact]
    public async Task A_zero_length_message_is_the_default_message()
    {
        await _body.Writer.WriteAsync(new byte[5]);
        await _body.Writer.CompleteAsync();
        Assert.Equal(new EchoRequest(), await Read());
    }

    [Fact]
    public async Task A_truncated_frame_is_invalid_argument()
    {
        await _body.Writer.WriteAsync(GrpcFraming.Frame(new EchoRequest { Text = "cut" })[..6]);
        await _body.Writer.CompleteAsync();
        var e = await Assert.ThrowsAsync<RpcException>(Read);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains("truncated", e.Status.Detail);
    }

    [Fact]
    public async Task A_body_with_no_message_at_all_is_invalid_argument()
    {
        await _body.Writer.CompleteAsync();
        var e = await Assert.ThrowsAsync<RpcException>(Read);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
    }

    [Fact]
    public async Task An_oversized_frame_is_refused_before_its_body_arrives()
    {
        // only the five header bytes are there, and the writer stays open: the refusal cannot have waited for the rest
        await _body.Writer.WriteAsync(new byte[] { 0, 0, 0x20, 0, 0 });
        var e = await Assert.ThrowsAsync<RpcException>(() => Read().WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
    }

    [Fact]
    public async Task A_second_message_on_a_unary_call_is_invalid_argument()
    {
        byte[] two = [.. GrpcFraming.Frame(new EchoRequest { Text = "1" }), .. GrpcFraming.Frame(new EchoRequest { Text = "2" })];
        await _body.Writer.WriteAsync(two);
        await _body.Writer.CompleteAsync();
        var e = await Assert.ThrowsAsync<RpcException>(Read);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
    }

    [Fact]
    public async Task A_compressed_flag_with_no_grpc_encoding_is_invalid_argument()
    {
        await _body.Writer.WriteAsync(new byte[] { 1, 0, 0, 0, 1, 0x0A });
        await _body.Writer.CompleteAsync();
        var e = await Assert.ThrowsAsync<RpcException>(Read);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
    }

    [Theory]
    [InlineData(new byte[] { 0x0A, 0xFF })]       // a length running past the end
    [InlineData(new byte[] { 0x00 })]             // tag zero
    [InlineData(new byte[] { 0x0F, 0x01 })]       // wire type 7 does not exist
    public async Task A_request_message_that_does_not_parse_is_invalid_argument(byte[] payload)
    {
        await _body.Writer.WriteAsync(RawHttp2.Frame(0, payload));
        await _body.Writer.CompleteAsync();
        var e = await Assert.ThrowsAsync<RpcException>(Read);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains("could not be parsed", e.Status.Detail);
    }

    [Fact]
    public async Task An_invalid_compressed_flag_is_invalid_argument()
    {
        await _body.Writer.WriteAsync(new byte[] { 7, 0, 0, 0, 0 });
        await _body.Writer.CompleteAsync();
        var e = await Assert.ThrowsAsync<RpcException>(Read);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
    }

    private sealed class BodyPipe(PipeReader reader) : IRequestBodyPipeFeature
    {
        public PipeReader Reader { get; } = reader;
    }
}
