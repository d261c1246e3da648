namespace Inspection.Data;

/// <summary>The SQL this building block installs in every service database, embedded in the assembly.</summary>
internal static class EmbeddedSql
{
    public static string Read(string name)
    {
        using var stream = typeof(EmbeddedSql).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
