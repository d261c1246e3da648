using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Inspection.Domain;

namespace Inspection.ServiceDefaults;

/// <summary>
/// Refuses a request with U+0000 in any text field, at any depth, naming the field. PostgreSQL text cannot hold the
/// character, so without this check such a value reached SQL as a query parameter and came back as INTERNAL; no
/// field of any contract means it.
/// </summary>
internal static class NulCharacters
{
    private const int MaxDepth = 100; // protobuf's own recursion limit: the parser let nothing deeper through

    public static void Refuse(IMessage message)
    {
        // the common case costs a walk without building a single field path
        if (!Contains(message, 0)) return;
        List<FieldViolation>? violations = null;
        Walk(message, "", 0, ref violations);
        if (violations is not null)
            throw new ValidationException(violations);
    }

    private static bool Contains(IMessage message, int depth)
    {
        if (depth > MaxDepth) return false;
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.FieldType is not (FieldType.String or FieldType.Message)) continue;
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                foreach (DictionaryEntry entry in (IDictionary)value)
                    if (Contains(entry.Key, depth) || Contains(entry.Value, depth)) return true;
            }
            else if (field.IsRepeated)
            {
                foreach (var element in (IList)value)
                    if (Contains(element, depth)) return true;
            }
            else if (Contains(value, depth)) return true;
        }
        return false;
    }

    private static bool Contains(object? value, int depth) => value switch
    {
        string text => text.Contains('\0'),
        IMessage nested => Contains(nested, depth + 1),
        _ => false,
    };

    private static void Walk(IMessage message, string prefix, int depth, ref List<FieldViolation>? violations)
    {
        if (depth > MaxDepth) return;
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.FieldType is not (FieldType.String or FieldType.Message)) continue;
            var value = field.Accessor.GetValue(message);
            var path = prefix + field.Name;
            if (field.IsMap)
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    Check(entry.Key, $"{path}[{entry.Key}]", depth, ref violations);
                    Check(entry.Value, $"{path}[{entry.Key}]", depth, ref violations);
                }
            else if (field.IsRepeated)
            {
                var index = 0;
                foreach (var element in (IList)value) Check(element, $"{path}[{index++}]", depth, ref violations);
            }
            else Check(value, path, depth, ref violations);
        }
    }

    private static void Check(object? value, string path, int depth, ref List<FieldViolation>? violations)
    {
        switch (value)
        {
            case string text when text.Contains('\0'):
                (violations ??= []).Add(new FieldViolation(path.Replace("\0", "\\0"), "contains a NUL character (U+0000)"));
                break;
            case IMessage nested:
                Walk(nested, path + ".", depth + 1, ref violations);
                break;
        }
    }
}
