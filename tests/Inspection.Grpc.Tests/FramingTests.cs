using System.Buffers;
using System.IO.Compression;
using Google.Protobuf;
using Inspection.Testing.V1;

namespace Inspection.Grpc.Tests;

/// <summary>The length-prefixed framing on its own, over buffers shaped the way sockets deliver them.</summary>
public sealed class FramingTests
{
    private const int Limit = 4 * 1024 * 1024;

    private static byte[] Frame(string text) => GrpcFraming.Frame(new EchoRequest { Text = text });

    /// <summary>A sequence of several segments, cut at the given offsets, as reads from a socket would leave it.</summary>
    private static ReadOnlySequence<byte> Segmented(byte[] bytes, params int[] cuts)
    {
        var bounds = cuts.Prepend(0).Append(bytes.Length).ToArray();
        Segment? first = null, last = null;
        for (var i = 0; i < bounds.Length - 1; i++)
        {
            var memory = bytes.AsMemory(bounds[i], bounds[i + 1] - bounds[i]);
            last = last is null ? first = new Segment(memory, 0) : last.Append(memory);
        }
        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    [Fact]
    public void A_whole_frame_is_taken_off_the_front_of_the_buffer()
    {
        var buffer = new ReadOnlySequence<byte>(Frame("one"));
        Assert.True(GrpcFraming.TryReadFrame(ref buffer, Limit, out var compressed, out var payload));
        Assert.False(compressed);
        Assert.Equal("one", EchoRequest.Parser.ParseFrom(payload).Text);
        Assert.Equal(0, buffer.Length);
    }

    [Fact]
    public void A_message_split_across_segments_is_read_whole()
    {
        var bytes = Frame(new string('x', 300));
        var buffer = Segmented(bytes, 2, 5, 100, 250);
        Assert.True(GrpcFraming.TryReadFrame(ref buffer, Limit, out _, out var payload));
        Assert.Equal(new string('x', 300), GrpcFraming.Parse(EchoRequest.Parser, payload, false, null, Limit).Text);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(40)]
    public void An_incomplete_frame_is_left_alone_until_more_arrives(int available)
    {
        var bytes = Frame(new string('y', 100));
        var buffer = new ReadOnlySequence<byte>(bytes, 0, available);
        Assert.False(GrpcFraming.TryReadFrame(ref buffer, Limit, out _, out _));
        Assert.Equal(available, buffer.Length);
    }

    [Fact]
    public void Zero_length_messages_are_whole_frames()
    {
        var bytes = new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
        var buffer = new ReadOnlySequence<byte>(bytes);
        Assert.True(GrpcFraming.TryReadFrame(ref buffer, Limit, out _, out var first));
        Assert.True(GrpcFraming.TryReadFrame(ref buffer, Limit, out _, out var second));
        Assert.Equal(0, first.Length);
        Assert.Equal(0, second.Length);
        Assert.Equal(new EchoRequest(), GrpcFraming.Parse(EchoRequest.Parser, first, false, null, Limit));
        Assert.False(GrpcFraming.TryReadFrame(ref buffer, Limit, out _, out _));
    }

    [Fact]
    public void Several_messages_in_one_read_come_out_one_at_a_time_in_order()
    {
        byte[] bytes = [.. Frame("a"), .. Frame(""), .. Frame("ccc"), .. Frame("d")[..4]];
        var buffer = Segmented(bytes, 3, 9);
        var texts = new List<string>();
        while (GrpcFraming.TryReadFrame(ref buffer, Limit, out _, out var payload))
            texts.Add(EchoRequest.Parser.ParseFrom(payload).Text);
        Assert.Equal(["a", "", "ccc"], texts);
        Assert.Equal(4, buffer.Length);
    }

    [Fact]
    public void An_oversized_frame_is_refused_on_its_header_alone()
    {
        var header = new byte[] { 0, 0x7F, 0xFF, 0xFF, 0xFF };
        var buffer = new ReadOnlySequence<byte>(header);
        var e = Assert.Throws<RpcException>(() => GrpcFraming.TryReadFrame(ref buffer, Limit, out _, out _));
        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
    }

    [Fact]
    public void A_frame_exactly_at_the_limit_is_accepted()
    {
        var bytes = new byte[5 + 1000];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(1), 1000);
        var buffer = new ReadOnlySequence<byte>(bytes);
        Assert.True(GrpcFraming.TryReadFrame(ref buffer, 1000, out _, out var payload));
        Assert.Equal(1000, payload.Length);
    }

    [Theory]
    [InlineData(StatusCode.InvalidArgument)] // the server reading a client's request
    [InlineData(StatusCode.Internal)]        // a client reading a server's response (the default)
    public void An_invalid_compressed_flag_is_the_senders_error(StatusCode malformed)
    {
        var buffer = new ReadOnlySequence<byte>(new byte[] { 2, 0, 0, 0, 0 });
        var e = Assert.Throws<RpcException>(() => GrpcFraming.TryReadFrame(ref buffer, Limit, out _, out _, malformed));
        Assert.Equal(malformed, e.StatusCode);
        var defaulted = new ReadOnlySequence<byte>(new byte[] { 2, 0, 0, 0, 0 });
        Assert.Equal(StatusCode.Internal, Assert.Throws<RpcException>(() => GrpcFraming.TryReadFrame(ref defaulted, Limit, out _, out _)).StatusCode);
    }

    [Theory]
    [InlineData(null, StatusCode.InvalidArgument)]
    [InlineData("identity", StatusCode.InvalidArgument)]
    [InlineData(null, StatusCode.Internal)]
    public void A_compressed_flag_with_no_encoding_is_the_senders_error(string? encoding, StatusCode malformed)
    {
        var e = Assert.Throws<RpcException>(() => GrpcFraming.Parse(EchoRequest.Parser, new ReadOnlySequence<byte>([1, 2]), true, encoding, Limit, malformed));
        Assert.Equal(malformed, e.StatusCode);
    }

    [Fact]
    public void A_gzip_payload_is_inflated_and_the_limit_applies_to_what_it_inflates_to()
    {
        var message = new EchoRequest { Payload = ByteString.CopyFrom(new byte[100_000]) };
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) message.WriteTo(gzip);
        var payload = new ReadOnlySequence<byte>(compressed.ToArray());
        Assert.True(payload.Length < 1000);

        Assert.Equal(100_000, GrpcFraming.Parse(EchoRequest.Parser, payload, true, "gzip", Limit).Payload.Length);
        var e = Assert.Throws<RpcException>(() => GrpcFraming.Parse(EchoRequest.Parser, payload, true, "gzip", 50_000));
        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
    }

    [Fact]
    public void An_unknown_encoding_is_unimplemented_and_bad_bytes_are_not_a_crash()
    {
        Assert.Equal(StatusCode.Unimplemented,
            Assert.Throws<RpcException>(() => GrpcFraming.Parse(EchoRequest.Parser, new ReadOnlySequence<byte>([1]), true, "br", Limit, StatusCode.InvalidArgument)).StatusCode);
        Assert.Equal(StatusCode.InvalidArgument,
            Assert.Throws<RpcException>(() => GrpcFraming.Parse(EchoRequest.Parser, new ReadOnlySequence<byte>([1, 2, 3]), true, "gzip", Limit, StatusCode.InvalidArgument)).StatusCode);
        Assert.Equal(StatusCode.InvalidArgument,
            Assert.Throws<RpcException>(() => GrpcFraming.Parse(EchoRequest.Parser, new ReadOnlySequence<byte>([0xFF, 0xFF]), false, null, Limit, StatusCode.InvalidArgument)).StatusCode);
        // what a client reading a response gets by default
        Assert.Equal(StatusCode.Internal,
            Assert.Throws<RpcException>(() => GrpcFraming.Parse(EchoRequest.Parser, new ReadOnlySequence<byte>([1, 2, 3]), true, "gzip", Limit)).StatusCode);
        Assert.Equal(StatusCode.Internal,
            Assert.Throws<RpcException>(() => GrpcFraming.Parse(EchoRequest.Parser, new ReadOnlySequence<byte>([0xFF, 0xFF]), false, null, Limit)).StatusCode);
    }

    [Fact]
    public void An_unparsable_message_names_the_expected_type_and_none_of_the_parsers_internals()
    {
        var e = Assert.Throws<RpcException>(() =>
            GrpcFraming.Parse(EchoRequest.Parser, new ReadOnlySequence<byte>([0xFF, 0xFF]), false, null, Limit, StatusCode.InvalidArgument));
        Assert.Contains("could not be parsed as inspection.testing.v1.EchoRequest", e.Status.Detail);
        Assert.DoesNotContain("CodedInputStream", e.Status.Detail);
        Assert.DoesNotContain("Exception", e.Status.Detail);
    }

    [Fact]
    public void Unknown_groups_nested_past_the_recursion_limit_are_refused_not_a_stack_overflow()
    {
        // field 15 as a start-group tag, 10,000 deep: protobuf's recursion limit (100) stops the parse
        const int depth = 10_000;
        var bytes = new List<byte>();
        for (var i = 0; i < depth; i++) bytes.Add((15 << 3) | 3);
        for (var i = 0; i < depth; i++) bytes.Add((15 << 3) | 4);
        var e = Assert.Throws<RpcException>(() =>
            GrpcFraming.Parse(EchoRequest.Parser, new ReadOnlySequence<byte>(bytes.ToArray()), false, null, Limit, StatusCode.InvalidArgument));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
    }

    [Fact]
    public void Writing_into_a_buffer_writer_gives_the_same_bytes_as_framing_to_an_array()
    {
        var message = new EchoRequest { Text = "same", Payload = ByteString.CopyFrom(7, 8, 9) };
        var writer = new ArrayBufferWriter<byte>();
        GrpcFraming.WriteFrame(writer, message);
        Assert.Equal(GrpcFraming.Frame(message), writer.WrittenSpan.ToArray());
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
