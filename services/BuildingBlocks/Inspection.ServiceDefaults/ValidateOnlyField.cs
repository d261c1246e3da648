using System.Collections.Concurrent;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Inspection.ServiceDefaults;

/// <summary>
/// Reads AIP-163's <c>bool validate_only</c> from any request, by its name in the descriptor: on the request itself,
/// or on a message it carries (a client stream's header, such as UploadCaseload's), so no handler has to pass it on.
/// </summary>
internal static class ValidateOnlyField
{
    private const string Name = "validate_only";
    private static readonly ConcurrentDictionary<MessageDescriptor, Func<IMessage, bool>> Readers = new();

    public static bool IsSet(IMessage message) => Readers.GetOrAdd(message.Descriptor, ReaderOf)(message);

    private static Func<IMessage, bool> ReaderOf(MessageDescriptor descriptor)
    {
        if (Flag(descriptor) is { } flag) return m => (bool)flag.Accessor.GetValue(m);
        var carriers = descriptor.Fields.InDeclarationOrder()
            .Where(f => f.FieldType == FieldType.Message && !f.IsRepeated && !f.IsMap && Flag(f.MessageType) is not null)
            .Select(f => (Carrier: f, Flag: Flag(f.MessageType)!))
            .ToList();
        if (carriers.Count == 0) return _ => false;
        return m => carriers.Any(c => c.Carrier.Accessor.GetValue(m) is IMessage part && (bool)c.Flag.Accessor.GetValue(part));
    }

    private static FieldDescriptor? Flag(MessageDescriptor descriptor) =>
        descriptor.FindFieldByName(Name) is { FieldType: FieldType.Bool, IsRepeated: false } field ? field : null;
}
