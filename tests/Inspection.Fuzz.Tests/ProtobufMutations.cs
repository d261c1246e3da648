using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Inspection.Fuzz.Tests;

/// <summary>
/// Request messages for one RPC, from a seeded <see cref="Random"/>: random bytes, and mutations of a plausible
/// request (bit flips, truncation, wrong wire types, inflated lengths, unknown fields, deeply nested unknown groups
/// and messages, invalid UTF-8, edge values), each in one well-formed frame. Plus, once per RPC, a list of a quarter
/// of a million elements.
/// </summary>
public static class ProtobufMutations
{
    // 512 KiB of the smallest elements is a quarter of a million of them: enough to show what a list costs a service,
    // and affordable 73 times in a test run (the 4 MiB receive limit itself has a test of its own)
    private const int HugeListBytes = 512 * 1024;
    private const int HugeUnknownBytes = 128 * 1024;

    private static readonly string[] Kinds =
    [
        "random bytes", "bit flips", "truncation", "wrong wire type", "inflated length", "unknown fields",
        "nested unknown groups", "nested unknown messages", "invalid utf-8", "edge values", "edge values", "edge values then bit flip",
    ];

    public static IEnumerable<FuzzCase> For(MessageDescriptor request, Random random, int count)
    {
        yield return FuzzCase.Message("plausible", PlausibleMessage.Create(request, random).ToByteArray());
        yield return FuzzCase.Message("huge list", HugeList(request, random));
        for (var i = 0; i < count - 2; i++)
        {
            var kind = Kinds[i % Kinds.Length];
            var valid = PlausibleMessage.Create(request, random).ToByteArray();
            var (payload, expected) = kind switch
            {
                "random bytes" => (PlausibleMessage.Bytes(random, random.Next(0, 300)), (StatusCode?)null),
                "bit flips" => (BitFlips(valid, random), null),
                "truncation" => (valid.Length == 0 ? valid : valid[..random.Next(valid.Length)], null),
                "wrong wire type" => (WrongWireType(valid, random), null),
                "inflated length" => InflatedLength(valid, random),
                "unknown fields" => (UnknownFields(valid, random), null),
                // past protobuf's recursion limit (100): the parser must refuse it, not overflow its stack
                "nested unknown groups" => (NestedGroups(valid, random.Next(2) == 0 ? 101 + random.Next(100) : 100_000, random), StatusCode.InvalidArgument),
                "nested unknown messages" => (NestedMessages(valid, random.Next(50, 5_000), random), null),
                "invalid utf-8" => (InvalidUtf8(request, valid, random), null),
                "edge values" => (FieldExtremes.Apply(PlausibleMessage.Create(request, random), random).ToByteArray(), null),
                _ => (BitFlips(FieldExtremes.Apply(PlausibleMessage.Create(request, random), random).ToByteArray(), random), null),
            };
            yield return new FuzzCase(kind, FuzzCase.Frame(payload), expected);
        }
    }

    private static byte[] BitFlips(byte[] bytes, Random random)
    {
        if (bytes.Length == 0) return [(byte)random.Next(256)];
        var copy = (byte[])bytes.Clone();
        for (var flips = random.Next(1, 9); flips > 0; flips--) copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        return copy;
    }

    private static byte[] WrongWireType(byte[] bytes, Random random)
    {
        var fields = WireField.Split(bytes);
        if (fields.Count == 0) return [.. WireField.Tag(1, WireField.Fixed64), 1, 2, 3];
        var field = fields[random.Next(fields.Count)];
        // the same field number under another wire type, with a value of that type's shape
        var wireType = new[] { WireField.Varint, WireField.Fixed64, WireField.LengthDelimited, WireField.Fixed32, WireField.EndGroup }
            .Where(w => w != field.WireType).ElementAt(random.Next(4));
        byte[] value = wireType switch
        {
            WireField.Varint => WireField.EncodeVarint((ulong)random.NextInt64()),
            WireField.Fixed64 => PlausibleMessage.Bytes(random, 8),
            WireField.Fixed32 => PlausibleMessage.Bytes(random, 4),
            WireField.LengthDelimited => [3, 0xC3, 0x28, 0x41],
            _ => [],
        };
        return [.. bytes[..field.Start], .. WireField.Tag(field.FieldNumber, wireType), .. value, .. bytes[field.End..]];
    }

    private static (byte[], StatusCode?) InflatedLength(byte[] bytes, Random random)
    {
        var fields = WireField.Split(bytes).Where(f => f.WireType == WireField.LengthDelimited).ToList();
        if (fields.Count == 0)
            return ([.. bytes, .. WireField.Tag(1, WireField.LengthDelimited), .. WireField.EncodeVarint(1000), 1, 2], StatusCode.InvalidArgument);
        var field = fields[random.Next(fields.Count)];
        var length = field.End - field.ValueStart;
        ulong[] lies = [(ulong)(bytes.Length - field.ValueStart + 1), (ulong)length + 1 + (ulong)random.Next(1000), int.MaxValue, uint.MaxValue, ulong.MaxValue];
        var lie = lies[random.Next(lies.Length)];
        // a declared length running past the end of the message can never parse; a shorter lie swallows the fields
        // after it and may still parse
        var pastTheEnd = lie > (ulong)(bytes.Length - field.ValueStart);
        return ([.. bytes[..field.LengthStart], .. WireField.EncodeVarint(lie), .. bytes[field.ValueStart..]], pastTheEnd ? StatusCode.InvalidArgument : null);
    }

    private static byte[] UnknownFields(byte[] bytes, Random random)
    {
        var extra = new List<byte>();
        for (var n = random.Next(1, 20); n > 0; n--)
        {
            var number = random.Next(2) == 0 ? random.Next(100, 20_000) : random.Next(19_000, 536_870_912);
            var wireType = new[] { WireField.Varint, WireField.Fixed64, WireField.LengthDelimited, WireField.Fixed32 }[random.Next(4)];
            extra.AddRange(WireField.Tag(number, wireType));
            extra.AddRange(wireType switch
            {
                WireField.Varint => WireField.EncodeVarint((ulong)random.NextInt64()),
                WireField.Fixed64 => PlausibleMessage.Bytes(random, 8),
                WireField.Fixed32 => PlausibleMessage.Bytes(random, 4),
                _ => [.. WireField.EncodeVarint(50), .. PlausibleMessage.Bytes(random, 50)],
            });
        }
        // before, after or between the known fields
        var at = random.Next(3) switch { 0 => 0, 1 => bytes.Length, _ => WireField.Split(bytes).Select(f => f.End).DefaultIfEmpty(0).ElementAt(0) };
        return [.. bytes[..at], .. extra, .. bytes[at..]];
    }

    private static byte[] NestedGroups(byte[] bytes, int depth, Random random)
    {
        var number = random.Next(1000, 2000);
        var start = WireField.Tag(number, WireField.StartGroup);
        var end = WireField.Tag(number, WireField.EndGroup);
        var nested = new byte[(start.Length + end.Length) * depth];
        for (var i = 0; i < depth; i++) start.CopyTo(nested, i * start.Length);
        for (var i = 0; i < depth; i++) end.CopyTo(nested, depth * start.Length + i * end.Length);
        return [.. bytes, .. nested];
    }

    private static byte[] NestedMessages(byte[] bytes, int depth, Random random)
    {
        var number = random.Next(1000, 2000);
        byte[] inner = [.. WireField.Tag(number, WireField.Varint), 1];
        for (var i = 0; i < depth; i++) inner = [.. WireField.Tag(number, WireField.LengthDelimited), .. WireField.EncodeVarint((ulong)inner.Length), .. inner];
        return [.. bytes, .. inner];
    }

    private static readonly byte[][] BadUtf8 = [[0xFF], [0xC3, 0x28], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC0, 0xAF]];

    private static byte[] InvalidUtf8(MessageDescriptor request, byte[] bytes, Random random)
    {
        var strings = request.Fields.InDeclarationOrder().Where(f => f.FieldType == FieldType.String).ToList();
        var number = strings.Count > 0 ? strings[random.Next(strings.Count)].FieldNumber : 1;
        var bad = BadUtf8[random.Next(BadUtf8.Length)];
        byte[] value = [.. "ok"u8.ToArray(), .. bad, .. "ok"u8.ToArray()];
        return [.. bytes, .. WireField.Tag(number, WireField.LengthDelimited), .. WireField.EncodeVarint((ulong)value.Length), .. value];
    }

    /// <summary>
    /// A list field filled with 512 KiB of the smallest elements it takes (empty messages, empty strings, one-byte
    /// varints): the most objects per byte the parser can be made to build.
    /// </summary>
    private static byte[] HugeList(MessageDescriptor request, Random random)
    {
        var lists = request.Fields.InDeclarationOrder().Where(f => f.IsRepeated).ToList();
        using var output = new MemoryStream();
        if (lists.Count == 0)
        {
            // no list in the contract: as many unknown fields instead
            var element = WireField.Tag(random.Next(1000, 2000), WireField.Varint);
            while (output.Length < HugeUnknownBytes) { output.Write(element); output.WriteByte(1); }
            return output.ToArray();
        }
        var field = lists[random.Next(lists.Count)];
        if (field.FieldType is FieldType.Message or FieldType.String or FieldType.Bytes || field.IsMap)
        {
            var tag = WireField.Tag(field.FieldNumber, WireField.LengthDelimited);
            while (output.Length < HugeListBytes) { output.Write(tag); output.WriteByte(0); }
        }
        else
        {
            // packed: one length, then one byte per element (a zero or one varint; fixed types take 4 or 8)
            var width = field.FieldType switch
            {
                FieldType.Double or FieldType.Fixed64 or FieldType.SFixed64 => 8,
                FieldType.Float or FieldType.Fixed32 or FieldType.SFixed32 => 4,
                _ => 1,
            };
            var length = HugeListBytes;
            length -= length % width;
            output.Write(WireField.Tag(field.FieldNumber, WireField.LengthDelimited));
            output.Write(WireField.EncodeVarint((ulong)length));
            output.Write(new byte[length]);
        }
        return output.ToArray();
    }
}
