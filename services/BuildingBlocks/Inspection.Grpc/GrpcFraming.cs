using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;
using Google.Protobuf;

namespace Inspection.Grpc;

/// <summary>
/// The length-prefixed message framing of gRPC over HTTP/2: one byte compressed flag, four bytes big-endian
/// length, then the protobuf bytes. Shared by server and client.
/// </summary>
/// <remarks>
/// A frame that cannot be decoded is its sender's fault, so the code it gets depends on who sent it
/// (<c>malformed</c>): a client reading a server's response answers INTERNAL, as the gRPC spec and other
/// implementations do; the server reading a client's request answers INVALID_ARGUMENT, because bad input from a
/// caller is the caller's error and INTERNAL is kept for the server's own faults. A frame over the receive limit is
/// RESOURCE_EXHAUSTED and an unknown encoding UNIMPLEMENTED on both sides.
/// </remarks>
public static class GrpcFraming
{
    public const int HeaderSize = 5;

    /// <summary>
    /// Takes one whole frame off the front of <paramref name="buffer"/> if it is all there; otherwise leaves the
    /// buffer alone and returns false so the caller reads more. Refuses a declared length over the limit at once,
    /// before buffering it.
    /// </summary>
    public static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, int maxMessageSize, out bool compressed, out ReadOnlySequence<byte> payload,
        StatusCode malformed = StatusCode.Internal)
    {
        compressed = false;
        payload = default;
        if (buffer.Length < HeaderSize) return false;

        Span<byte> header = stackalloc byte[HeaderSize];
        buffer.Slice(0, HeaderSize).CopyTo(header);
        var length = ReadHeader(header, maxMessageSize, out var isCompressed, malformed);
        if (buffer.Length < HeaderSize + length) return false;

        compressed = isCompressed;
        payload = buffer.Slice(HeaderSize, length);
        buffer = buffer.Slice(HeaderSize + length);
        return true;
    }

    /// <summary>Reads a five-byte frame header: the compressed flag and the declared length, refused over the limit.</summary>
    public static int ReadHeader(ReadOnlySpan<byte> header, int maxMessageSize, out bool compressed, StatusCode malformed = StatusCode.Internal)
    {
        var flag = header[0];
        if (flag > 1) throw new RpcException(malformed, $"Message frame has an invalid compressed flag ({flag})");
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (length > (uint)maxMessageSize)
            throw new RpcException(StatusCode.ResourceExhausted, $"Received message larger than max ({length} vs. {maxMessageSize})");
        compressed = flag == 1;
        return (int)length;
    }

    /// <summary>Writes one uncompressed frame straight into the output buffer (no intermediate copy).</summary>
    public static void WriteFrame(IBufferWriter<byte> writer, IMessage message)
    {
        var size = message.CalculateSize();
        var span = writer.GetSpan(HeaderSize + size);
        span[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)size);
        message.WriteTo(span.Slice(HeaderSize, size));
        writer.Advance(HeaderSize + size);
    }

    public static byte[] Frame(IMessage message)
    {
        var size = message.CalculateSize();
        var bytes = new byte[HeaderSize + size];
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(1), (uint)size);
        message.WriteTo(bytes.AsSpan(HeaderSize, size));
        return bytes;
    }

    /// <summary>
    /// Parses a frame's payload, inflating it first when the peer compressed it with gzip. A frame that cannot be
    /// decoded (bad gzip, bytes that are not the message, nesting past protobuf's recursion limit) is the sender's
    /// protocol error and gets <paramref name="malformed"/>; the message names the expected type and nothing of the
    /// parser's internals.
    /// </summary>
    public static T Parse<T>(MessageParser<T> parser, ReadOnlySequence<byte> payload, bool compressed, string? encoding, int maxMessageSize,
        StatusCode malformed = StatusCode.Internal)
        where T : IMessage<T>
    {
        if (compressed)
        {
            if (encoding is null or "identity")
                throw new RpcException(malformed, "Message frame is marked compressed but the call declared no grpc-encoding");
            if (encoding != "gzip")
                throw new RpcException(StatusCode.Unimplemented, $"Unsupported grpc-encoding '{encoding}'; this peer accepts identity and gzip");
            payload = new ReadOnlySequence<byte>(Inflate(payload, maxMessageSize, malformed));
        }
        try
        {
            return parser.ParseFrom(payload);
        }
        // Google.Protobuf 3.25 can throw IndexOutOfRangeException instead of its own exception when a nested message
        // (a Timestamp, say) declares more bytes than are left: the same malformed input, so the same answer
        catch (Exception e) when (e is InvalidProtocolBufferException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            // protobuf's own text can name its API (SetRecursionLimit); the caller needs only what was expected
            var expected = parser.ParseFrom(ReadOnlySpan<byte>.Empty).Descriptor.FullName;
            throw new RpcException(malformed, $"Message could not be parsed as {expected}: not valid protobuf for that type, or nested too deeply");
        }
    }

    private static byte[] Inflate(ReadOnlySequence<byte> payload, int maxMessageSize, StatusCode malformed)
    {
        using var input = payload.IsSingleSegment && MemoryMarshal.TryGetArray(payload.First, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(payload.ToArray());
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = gzip.Read(chunk, 0, chunk.Length)) > 0)
            {
                // a small compressed frame can inflate to gigabytes: the limit applies to what it expands to
                if (output.Length + read > maxMessageSize)
                    throw new RpcException(StatusCode.ResourceExhausted, $"Decompressed message larger than max ({maxMessageSize})");
                output.Write(chunk, 0, read);
            }
        }
        catch (InvalidDataException)
        {
            throw new RpcException(malformed, "Message frame is not valid gzip");
        }
        return output.ToArray();
    }
}
