namespace Inspection.Fuzz.Tests;

/// <summary>
/// One top-level field as it lies in protobuf bytes: where its tag starts, where its value starts (after the length
/// prefix for a length-delimited field) and ends. What the byte mutations aim at.
/// </summary>
public readonly record struct WireField(int Start, int FieldNumber, int WireType, int LengthStart, int ValueStart, int End)
{
    public const int Varint = 0, Fixed64 = 1, LengthDelimited = 2, StartGroup = 3, EndGroup = 4, Fixed32 = 5;

    /// <summary>The top-level fields of well-formed bytes (stops quietly at the first thing it cannot read).</summary>
    public static List<WireField> Split(byte[] bytes)
    {
        var fields = new List<WireField>();
        var position = 0;
        while (position < bytes.Length)
        {
            var start = position;
            if (!TryVarint(bytes, ref position, out var tag)) break;
            var wireType = (int)(tag & 7);
            var number = (int)(tag >> 3);
            var lengthStart = position;
            var valueStart = position;
            switch (wireType)
            {
                case Varint:
                    if (!TryVarint(bytes, ref position, out _)) return fields;
                    break;
                case Fixed64: position += 8; break;
                case Fixed32: position += 4; break;
                case LengthDelimited:
                    if (!TryVarint(bytes, ref position, out var length)) return fields;
                    valueStart = position;
                    position += (int)length;
                    break;
                default: return fields;
            }
            if (position > bytes.Length) break;
            fields.Add(new WireField(start, number, wireType, lengthStart, valueStart, position));
        }
        return fields;
    }

    private static bool TryVarint(byte[] bytes, ref int position, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64 && position < bytes.Length; shift += 7)
        {
            var b = bytes[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return true;
        }
        return false;
    }

    public static byte[] EncodeVarint(ulong value)
    {
        var bytes = new List<byte>();
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }
        bytes.Add((byte)value);
        return [.. bytes];
    }

    public static byte[] Tag(int fieldNumber, int wireType) => EncodeVarint(((ulong)(uint)fieldNumber << 3) | (uint)wireType);
}
