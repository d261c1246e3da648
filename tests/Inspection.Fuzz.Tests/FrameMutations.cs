using System.Buffers.Binary;
using System.IO.Compression;
using Grpc.Core;

namespace Inspection.Fuzz.Tests;

/// <summary>
/// Requests broken at the gRPC framing and header level rather than in the message: each with the status the
/// protocol fixes for it (see the gRPC layer's README, "Malformed input"), plus random frame headers and bodies.
/// </summary>
public static class FrameMutations
{
    private const int Limit = 4 * 1024 * 1024;

    public static IEnumerable<FuzzCase> For(byte[] validPayload, Random random, int randomCount)
    {
        var frame = FuzzCase.Frame(validPayload);
        yield return new FuzzCase("no message", [], StatusCode.InvalidArgument);
        yield return new FuzzCase("header cut short", frame[..random.Next(1, 5)], StatusCode.InvalidArgument);
        yield return new FuzzCase("truncated frame",
            validPayload.Length > 0 ? frame[..(5 + random.Next(validPayload.Length))] : Declared(0, 10, [1]), StatusCode.InvalidArgument);
        yield return new FuzzCase("two messages", [.. frame, .. frame], StatusCode.InvalidArgument);
        yield return new FuzzCase("a message and part of another", [.. frame, .. frame[..3]], StatusCode.InvalidArgument);
        yield return new FuzzCase("compressed flag out of range", FuzzCase.Frame(validPayload, (byte)random.Next(2, 256)), StatusCode.InvalidArgument);
        yield return new FuzzCase("compressed flag without grpc-encoding", FuzzCase.Frame(validPayload, 1), StatusCode.InvalidArgument);
        yield return new FuzzCase("compressed flag with identity encoding", FuzzCase.Frame(validPayload, 1), StatusCode.InvalidArgument,
            "application/grpc", ("grpc-encoding", "identity"));
        yield return new FuzzCase("gzip frame that is not gzip", FuzzCase.Frame(PlausibleMessage.Bytes(random, 40), 1), StatusCode.InvalidArgument,
            "application/grpc", ("grpc-encoding", "gzip"));
        // without its length and checksum trailer: .NET's GZipStream still inflates it, so any answer but INTERNAL will do
        yield return new FuzzCase("gzip cut short", FuzzCase.Frame(Gzip(validPayload) is { Length: > 8 } zipped ? zipped[..^8] : [0x1F, 0x8B], 1), null,
            "application/grpc", ("grpc-encoding", "gzip"));
        yield return new FuzzCase("gzip inflating past the limit", GzipBomb.Value, StatusCode.ResourceExhausted,
            "application/grpc", ("grpc-encoding", "gzip"));
        yield return new FuzzCase("gzip, well formed", FuzzCase.Frame(Gzip(validPayload), 1), null, "application/grpc", ("grpc-encoding", "gzip"));
        yield return new FuzzCase("unknown grpc-encoding", FuzzCase.Frame(validPayload, 1), StatusCode.Unimplemented,
            "application/grpc", ("grpc-encoding", new[] { "br", "snappy", "deflate", "x" }[random.Next(4)]));
        yield return new FuzzCase("declared length over the limit", Declared(0, (uint)(Limit + 1 + random.Next(int.MaxValue - Limit)), validPayload),
            StatusCode.ResourceExhausted);
        yield return new FuzzCase("declared length 4 GiB - 1", Declared(0, uint.MaxValue, validPayload), StatusCode.ResourceExhausted);
        yield return new FuzzCase("malformed grpc-timeout", frame, StatusCode.InvalidArgument, "application/grpc",
            ("grpc-timeout", new[] { "soon", "-1S", "1X", "", "99999999999S", "1.5S" }[random.Next(6)]));
        yield return new FuzzCase("grpc-web content type", frame, StatusCode.InvalidArgument, "application/grpc-web");
        yield return new FuzzCase("json content type", frame, StatusCode.InvalidArgument, "application/grpc+json");
        yield return new FuzzCase("no content type", frame, StatusCode.InvalidArgument, null);
        for (var i = 0; i < randomCount; i++)
        {
            // a random header (flag, length) in front of random or valid bytes
            var flag = (byte)(random.Next(3) == 0 ? random.Next(256) : random.Next(2));
            var length = random.Next(3) switch { 0 => (uint)random.Next(0, 64), 1 => (uint)validPayload.Length, _ => (uint)random.NextInt64(0, uint.MaxValue) };
            var body = random.Next(2) == 0 ? validPayload : PlausibleMessage.Bytes(random, random.Next(0, 128));
            yield return new FuzzCase("random frame header", Declared(flag, length, body));
        }
    }

    // 4 MiB + 1 of zeros compress to about 4 KiB
    private static readonly Lazy<byte[]> GzipBomb = new(() => FuzzCase.Frame(Gzip(new byte[Limit + 1]), 1));

    private static byte[] Declared(byte flag, uint length, byte[] body)
    {
        var header = new byte[5];
        header[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(1), length);
        return [.. header, .. body];
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(bytes);
        return output.ToArray();
    }
}
