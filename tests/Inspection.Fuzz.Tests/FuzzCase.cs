using Grpc.Core;

namespace Inspection.Fuzz.Tests;

/// <summary>
/// One request the fuzzer sends: the whole HTTP/2 body (frames included), content type and extra headers, and, where
/// the protocol fixes the answer (a truncated frame, an unknown encoding), the status it must get. Every case must
/// at least not be INTERNAL or UNKNOWN, and must carry a grpc-status, unless its answer is one of the
/// <see cref="Gaps"/>: a framing error grpc-dotnet itself answers INTERNAL or UNKNOWN before any of our code runs
/// (<see cref="FramingGap"/>), accepted only for the frame-level case that provokes it and only as grpc-dotnet's exact text.
/// </summary>
public sealed record FuzzCase(string Kind, byte[] Body, StatusCode? Expected = null, string? ContentType = "application/grpc",
    params (string Name, string Value)[] Headers)
{
    public IReadOnlyList<FramingGap> Gaps { get; init; } = [];

    public static byte[] Frame(byte[] payload, byte flag = 0)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = flag;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    public static FuzzCase Message(string kind, byte[] payload) => new(kind, Frame(payload));
}
