namespace Inspection.Domain;

/// <summary>The files a project embeds in its own assembly: rules and overlays that ship with its code (the product's
/// domain data is not embedded: <see cref="DomainData"/>).</summary>
public static class EmbeddedResource
{
    /// <summary>The resource <paramref name="name"/> of <paramref name="owner"/>'s assembly; a missing one is a build
    /// mistake, said with both names.</summary>
    public static Stream Open(Type owner, string name) =>
        owner.Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing from {owner.Assembly.GetName().Name}.");

    /// <summary>Reads the resource <paramref name="name"/> of <paramref name="owner"/>'s assembly with <paramref name="read"/>, and closes it.</summary>
    public static T Read<T>(Type owner, string name, Func<Stream, T> read)
    {
        using var stream = Open(owner, name);
        return read(stream);
    }
}
