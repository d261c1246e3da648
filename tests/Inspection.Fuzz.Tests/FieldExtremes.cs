using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Inspection.Fuzz.Tests;

/// <summary>
/// Well-formed protobuf with values at the edges: empty and 64 KiB strings, control characters, NUL, SQL and markup,
/// impossible dates, int and long extremes, NaN and infinities, enum numbers the contract does not define,
/// sub-messages left out, lists emptied or 10,000 long. These pass the parser and test each handler's validation:
/// a null or out-of-range value that reaches the domain or SQL unchecked shows up as INTERNAL.
/// </summary>
public static class FieldExtremes
{
    private static readonly string[] Texts =
    [
        "", " ", "\0", "\u0001\u0002\t\r\n", "\u202Eevil", "💥🧪", "-1", "0", "99999999999999999999", "NaN", "1e309",
        "2023-02-30", "0000-00-00", "9999-12-31", "yyyy-MM-dd", "../../etc/passwd", "%00%ff", "' OR 1=1 --",
        "Robert'); DROP TABLE x;--", "<script>alert(1)</script>", "\\", "\"", "\uFFFD", "not-a-uuid",
        "00000000-0000-0000-0000-000000000000",
    ];

    /// <summary>The plausible message with 1 to 4 of its fields (at any depth) set to edge values.</summary>
    public static IMessage Apply(IMessage message, Random random)
    {
        var changes = random.Next(1, 5);
        for (var i = 0; i < changes; i++) Change(message, random, 0);
        return message;
    }

    private static void Change(IMessage message, Random random, int depth)
    {
        var fields = message.Descriptor.Fields.InDeclarationOrder();
        if (fields.Count == 0) return;
        var field = fields[random.Next(fields.Count)];
        if (field.IsMap)
        {
            var map = (IDictionary)field.Accessor.GetValue(message);
            if (random.Next(2) == 0) map.Clear();
            else map[Extreme(field.MessageType.FindFieldByNumber(1), random)] = Extreme(field.MessageType.FindFieldByNumber(2), random);
            return;
        }
        if (field.IsRepeated)
        {
            var list = (IList)field.Accessor.GetValue(message);
            switch (random.Next(4))
            {
                case 0: list.Clear(); break;
                case 1:
                    var element = list.Count > 0 ? list[0]! : PlausibleMessage.Value(field, random, 3);
                    for (var i = 0; i < 10_000; i++) list.Add(element); // the same element object: only its bytes matter
                    break;
                case 2 when list.Count > 0 && list[0] is IMessage nested: Change(nested, random, depth + 1); break;
                default: list.Add(Extreme(field, random)); break;
            }
            return;
        }
        if (field.FieldType == FieldType.Message && depth < 4 && random.Next(3) > 0 && field.Accessor.GetValue(message) is IMessage sub)
        {
            Change(sub, random, depth + 1);
            return;
        }
        if (field.FieldType == FieldType.Message && random.Next(2) == 0) field.Accessor.Clear(message);
        else field.Accessor.SetValue(message, Extreme(field, random));
    }

    private static object Extreme(FieldDescriptor field, Random random) => field.FieldType switch
    {
        FieldType.String => random.Next(8) == 0 ? new string('x', 64 * 1024) : Texts[random.Next(Texts.Length)],
        FieldType.Bytes => random.Next(2) == 0 ? ByteString.Empty : ByteString.CopyFrom(PlausibleMessage.Bytes(random, 64 * 1024)),
        FieldType.Bool => random.Next(2) == 0,
        FieldType.Double => Pick(random, double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, double.MaxValue, double.Epsilon, -1.0, 101.0, 1e-300),
        FieldType.Float => Pick(random, float.NaN, float.PositiveInfinity, float.NegativeInfinity, -0.0f, float.MaxValue, -1f, 101f),
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => Pick(random, int.MinValue, int.MaxValue, -1, 0, 1_000_000_000),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Pick(random, long.MinValue, long.MaxValue, -1L, 0L, (long)int.MaxValue + 1),
        FieldType.UInt32 or FieldType.Fixed32 => Pick(random, uint.MaxValue, 0u, (uint)int.MaxValue + 1),
        FieldType.UInt64 or FieldType.Fixed64 => Pick(random, ulong.MaxValue, 0ul, (ulong)long.MaxValue + 1),
        FieldType.Enum => Enum.ToObject(field.EnumType.ClrType, Pick(random, -1, 999, int.MaxValue, int.MinValue)),
        FieldType.Message => ExtremeMessage(field.MessageType, random),
        _ => throw new NotSupportedException(field.FieldType.ToString()),
    };

    // an empty message, or one whose every scalar is at an edge (a Timestamp with nanos out of range, say)
    private static IMessage ExtremeMessage(MessageDescriptor descriptor, Random random)
    {
        var message = PlausibleMessage.Empty(descriptor);
        if (random.Next(2) == 0) return message;
        foreach (var field in descriptor.Fields.InDeclarationOrder())
            if (!field.IsRepeated && !field.IsMap && field.FieldType != FieldType.Message)
                field.Accessor.SetValue(message, Extreme(field, random));
        return message;
    }

    private static T Pick<T>(Random random, params T[] values) => values[random.Next(values.Length)];
}
