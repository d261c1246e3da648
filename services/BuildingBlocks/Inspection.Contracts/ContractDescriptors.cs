using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Inspection.Contracts;

/// <summary>
/// The contracts' file descriptors with their source info: the .proto comments (allowed words, formats, units) that the
/// descriptors compiled into the generated code leave out. Built from the descriptor set the project's build makes with
/// protoc --include_source_info and embeds; server reflection serves these, so grpcurl and Postman show the comments.
/// </summary>
public static class ContractDescriptors
{
    private const string Resource = "Inspection.Contracts.protoset";
    private static readonly Lazy<IReadOnlyList<FileDescriptor>> Files = new(Load);

    /// <summary>Every contract file and what it imports, in dependency order.</summary>
    public static IReadOnlyList<FileDescriptor> WithComments => Files.Value;

    private static IReadOnlyList<FileDescriptor> Load()
    {
        using var stream = typeof(ContractDescriptors).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"{Resource} is not embedded in {typeof(ContractDescriptors).Assembly.GetName().Name}");
        var set = FileDescriptorSet.Parser.ParseFrom(stream);
        return FileDescriptor.BuildFromByteStrings(set.File.Select(file => file.ToByteString()));
    }
}
