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
public static class GrpcFraming
{
    public const int HeaderSize = 5;

    /// <summary>
    /// Takes one whole frame off the front of <paramref name="buffer"/> if it is all there; otherwise leaves the
    /// buffer alone and returns false so the caller reads more. Refuses a declared length over the limit at once,
    /// before buffering it.
    /// </summary>
    public static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, int maxMessageSize, out bool compressed, out ReadOnlySequence<byte> payload)
    {
        compressed = false;
        payload = default;
        if (buffer.Length < HeaderSize) return false;

        Span<byte> header = stackalloc byte[HeaderSize];
        buffer.Slice(0, HeaderSize).CopyTo(header);
        var length = ReadHeader(header, maxMessageSize, out var isCompressed);
        if (buffer.Length < HeaderSize + length) return false;

        compressed = isCompressed;
        payload = buffer.Slice(HeaderSize, length);
        buffer = buffer.Slice(HeaderSize + length);
        return true;
    }

    /// <summary>Reads a five-byte frame header: the compressed flag and the declared length, refused over the limit.</summary>
    public static int ReadHeader(ReadOnlySpan<byte> header, int maxMessageSize, out bool compressed)
    {
        var flag = header[0];
        if (flag > 1) throw new RpcException(StatusCode.Internal, $"Message frame has an invalid compressed flag ({flag})");
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
    /// decoded is the peer's protocol error: INTERNAL, as other gRPC implementations answer it.
    /// </summary>
    public static T Parse<T>(MessageParser<T> parser, ReadOnlySequence<byte> payload, bool compressed, string? encoding, int maxMessageSize)
        where T : IMessage<T>
    {
        if (compressed)
        {
            if (encoding is null or "identity")
                throw new RpcException(StatusCode.Internal, "Message frame is marked compressed but the call declared no grpc-encoding");
            if (encoding != "gzip")
                throw new RpcException(StatusCode.Unimplemented, $"Unsupported grpc-encoding '{encoding}'; this peer accepts identity and gzip");
            payload = new ReadOnlySequence<byte>(Inflate(payload, maxMessageSize));
        }
        try
        {
            return parser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new RpcException(StatusCode.Internal, $"Message could not be parsed as {typeof(T).Name}: {e.Message}");
        }
    }

    private static byte[] Inflate(ReadOnlySequence<byte> payload, int maxMessageSize)
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
            throw new RpcException(StatusCode.Internal, "Message frame is not valid gzip");
        }
        return output.ToArray();
    }
}
