using System.Buffers.Binary;
using System.IO.Compression;
using Grpc.Core;

namespace Inspection.Fuzz.Tests;

/// <summary>
/// Requests broken at the gRPC framing and header level rather than in the message: each with the status the
/// protocol fixes for it (this project's README, "What each broken frame gets"), plus random frame headers and
/// bodies. grpc-dotnet reads the frames, and some of them it answers INTERNAL or UNKNOWN before any code of ours
/// runs: those cases name the <see cref="FramingGap"/> they may get instead of their expected status.
/// </summary>
public static class FrameMutations
{
    private const int Limit = 4 * 1024 * 1024;

    public static IEnumerable<FuzzCase> For(byte[] validPayload, Random random, int randomCount)
    {
        var frame = FuzzCase.Frame(validPayload);
        yield return new FuzzCase("no message", [], StatusCode.InvalidArgument) { Gaps = [FramingGap.Incomplete] };
        yield return new FuzzCase("header cut short", frame[..random.Next(1, 5)], StatusCode.InvalidArgument) { Gaps = [FramingGap.Incomplete] };
        yield return new FuzzCase("truncated frame",
            validPayload.Length > 0 ? frame[..(5 + random.Next(validPayload.Length))] : Declared(0, 10, [1]), StatusCode.InvalidArgument)
        { Gaps = [FramingGap.Incomplete] };
        yield return new FuzzCase("two messages", [.. frame, .. frame], StatusCode.InvalidArgument) { Gaps = [FramingGap.AdditionalData] };
        yield return new FuzzCase("a message and part of another", [.. frame, .. frame[..3]], StatusCode.InvalidArgument)
        { Gaps = [FramingGap.AdditionalData] };
        yield return new FuzzCase("compressed flag out of range", FuzzCase.Frame(validPayload, (byte)random.Next(2, 256)), StatusCode.InvalidArgument)
        { Gaps = [FramingGap.ReaderException] };
        yield return new FuzzCase("compressed flag without grpc-encoding", FuzzCase.Frame(validPayload, 1), StatusCode.InvalidArgument)
        { Gaps = [FramingGap.NoEncoding] };
        yield return new FuzzCase("compressed flag with identity encoding", FuzzCase.Frame(validPayload, 1), StatusCode.InvalidArgument,
            "application/grpc", ("grpc-encoding", "identity")) { Gaps = [FramingGap.IdentityEncoding] };
        yield return new FuzzCase("gzip frame that is not gzip", FuzzCase.Frame(PlausibleMessage.Bytes(random, 40), 1), StatusCode.InvalidArgument,
            "application/grpc", ("grpc-encoding", "gzip")) { Gaps = [FramingGap.ReaderException] };
        // without its length and checksum trailer: .NET's GZipStream still inflates it, so any answer but INTERNAL will do
        yield return new FuzzCase("gzip cut short", FuzzCase.Frame(Gzip(validPayload) is { Length: > 8 } zipped ? zipped[..^8] : [0x1F, 0x8B], 1), null,
            "application/grpc", ("grpc-encoding", "gzip"));
        yield return new FuzzCase("gzip inflating past the limit", GzipBomb.Value, StatusCode.ResourceExhausted,
            "application/grpc", ("grpc-encoding", "gzip"));
        yield return new FuzzCase("gzip, well formed", FuzzCase.Frame(Gzip(validPayload), 1), null, "application/grpc", ("grpc-encoding", "gzip"));
        // grpc-dotnet also decompresses deflate (its default providers are gzip and deflate), so deflate is not unknown
        // to it and has a case of its own (below, with no draw from random, so every later case keeps its seed)
        yield return new FuzzCase("unknown grpc-encoding", FuzzCase.Frame(validPayload, 1), StatusCode.Unimplemented,
            "application/grpc", ("grpc-encoding", new[] { "br", "snappy", "zstd", "x" }[random.Next(4)]));
        yield return new FuzzCase("deflate frame that is not deflate", FuzzCase.Frame(validPayload, 1), null,
            "application/grpc", ("grpc-encoding", "deflate")) { Gaps = [FramingGap.ReaderException] };
        yield return new FuzzCase("declared length over the limit", Declared(0, (uint)(Limit + 1 + random.Next(int.MaxValue - Limit)), validPayload),
            StatusCode.ResourceExhausted);
        // grpc-dotnet decodes a declared length over int.MaxValue with an IOException before comparing it with the limit
        yield return new FuzzCase("declared length 4 GiB - 1", Declared(0, uint.MaxValue, validPayload), StatusCode.ResourceExhausted)
        { Gaps = [FramingGap.ReaderException] };
        // grpc-dotnet ignores a grpc-timeout it cannot parse (logging "Invalid grpc-timeout header value ... has been
        // ignored") and runs the call without a deadline: whatever the handler answers, which must not be INTERNAL
        yield return new FuzzCase("malformed grpc-timeout", frame, null, "application/grpc",
            ("grpc-timeout", new[] { "soon", "-1S", "1X", "", "99999999999S", "1.5S" }[random.Next(6)]));
        yield return new FuzzCase("grpc-web content type", frame, StatusCode.InvalidArgument, "application/grpc-web")
        { Gaps = [FramingGap.UnsupportedContentType] };
        // grpc-dotnet takes any application/grpc+<subtype> as gRPC and reads it with the method's (protobuf)
        // marshaller: the handler's answer to a valid message, which must not be INTERNAL
        yield return new FuzzCase("json content type", frame, null, "application/grpc+json");
        yield return new FuzzCase("no content type", frame, StatusCode.InvalidArgument, null) { Gaps = [FramingGap.MissingContentType] };
        for (var i = 0; i < randomCount; i++)
        {
            // a random header (flag, length) in front of random or valid bytes
            var flag = (byte)(random.Next(3) == 0 ? random.Next(256) : random.Next(2));
            var length = random.Next(3) switch { 0 => (uint)random.Next(0, 64), 1 => (uint)validPayload.Length, _ => (uint)random.NextInt64(0, uint.MaxValue) };
            var body = random.Next(2) == 0 ? validPayload : PlausibleMessage.Bytes(random, random.Next(0, 128));
            // any of the reader's answers, as the header happens to make it short, long, compressed or out of range
            yield return new FuzzCase("random frame header", Declared(flag, length, body))
            {
                Gaps = [FramingGap.Incomplete, FramingGap.AdditionalData, FramingGap.NoEncoding, FramingGap.ReaderException],
            };
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
