using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Inspection.Fuzz.Tests;

/// <summary>
/// A request with every field set to a plausible value (ids as UUIDs, dates as yyyy-MM-dd, small numbers, two
/// entries in each list), built from the message's descriptor alone: the well-formed starting point that the
/// mutations corrupt, so a mutation lands in a message that reaches the handler's validation, not only the parser.
/// </summary>
public static class PlausibleMessage
{
    private const int MaxDepth = 4;

    public static IMessage Create(MessageDescriptor descriptor, Random random, int depth = 0)
    {
        var message = Empty(descriptor);
        if (depth >= MaxDepth) return message;
        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            if (field.IsMap)
            {
                var map = (IDictionary)field.Accessor.GetValue(message);
                var key = Value(field.MessageType.FindFieldByNumber(1), random, depth + 1);
                map[key] = Value(field.MessageType.FindFieldByNumber(2), random, depth + 1);
            }
            else if (field.IsRepeated)
            {
                var list = (IList)field.Accessor.GetValue(message);
                list.Add(Value(field, random, depth + 1));
                list.Add(Value(field, random, depth + 1));
            }
            else field.Accessor.SetValue(message, Value(field, random, depth + 1));
        }
        return message;
    }

    public static IMessage Empty(MessageDescriptor descriptor) => descriptor.Parser.ParseFrom(ByteString.Empty);

    /// <summary>One plausible value of the field's element type (for a list, one element).</summary>
    public static object Value(FieldDescriptor field, Random random, int depth) => field.FieldType switch
    {
        FieldType.String => PlausibleText(field.Name, random),
        FieldType.Bytes => ByteString.CopyFrom([1, 2, 3]),
        FieldType.Bool => true,
        FieldType.Double => (double)random.Next(1, 100),
        FieldType.Float => (float)random.Next(1, 100),
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => random.Next(1, 20),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => (long)random.Next(1, 20),
        FieldType.UInt32 or FieldType.Fixed32 => (uint)random.Next(1, 20),
        FieldType.UInt64 or FieldType.Fixed64 => (ulong)random.Next(1, 20),
        FieldType.Enum => Enum.ToObject(field.EnumType.ClrType, field.EnumType.Values.Count > 1 ? field.EnumType.Values[1].Number : 0),
        FieldType.Message or FieldType.Group => Create(field.MessageType, random, depth),
        _ => throw new NotSupportedException(field.FieldType.ToString()),
    };

    private static readonly string[] Words = ["Good", "Requires improvement", "pdu", "licence", "female", "Yes", "No", "1.1", "strength", "document"];

    private static string PlausibleText(string name, Random random)
    {
        if (name.EndsWith("_id") || name == "id") return new Guid(Bytes(random, 16)).ToString();
        if (name.EndsWith("_on") || name.EndsWith("_date") || name.EndsWith("_from") || name.EndsWith("_to") || name.Contains("date"))
            return new DateOnly(2023, 1, 1).AddDays(random.Next(0, 365)).ToString("yyyy-MM-dd");
        if (name.Contains("token")) return "";
        return random.Next(3) == 0 ? Words[random.Next(Words.Length)] : $"fuzz {name} {random.Next(1000)}";
    }

    public static byte[] Bytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
