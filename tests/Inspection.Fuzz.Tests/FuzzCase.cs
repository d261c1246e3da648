using Grpc.Core;

namespace Inspection.Fuzz.Tests;

/// <summary>
/// One request the fuzzer sends: the whole HTTP/2 body (frames included), content type and extra headers, and, where
/// the protocol fixes the answer (a truncated frame, an unknown encoding), the status it must get. Every case must
/// at least not be INTERNAL or UNKNOWN, and must carry a grpc-status.
/// </summary>
public sealed record FuzzCase(string Kind, byte[] Body, StatusCode? Expected = null, string? ContentType = "application/grpc",
    params (string Name, string Value)[] Headers)
{
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
