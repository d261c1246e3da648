using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Inspection.Data;

/// <summary>One versioned SQL script. The version is its file name without <c>.sql</c>, e.g. <c>0001_initial</c>.</summary>
internal sealed record Migration(string Version, string Sql)
{
    private const string Folder = ".Migrations.";

    /// <summary>
    /// SHA-256 of the script with line endings normalised, so a checkout with CRLF endings does not look
    /// like an edited migration.
    /// </summary>
    public string Checksum { get; } = Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(Sql.Replace("\r\n", "\n", StringComparison.Ordinal))));

    /// <summary>Embedded resources named <c>*.Migrations.*.sql</c>, ordered by file name.</summary>
    public static IReadOnlyList<Migration> LoadFrom(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.EndsWith(".sql", StringComparison.OrdinalIgnoreCase)) continue;
            var folderAt = resource.LastIndexOf(Folder, StringComparison.Ordinal);
            if (folderAt < 0 && !resource.StartsWith("Migrations.", StringComparison.Ordinal)) continue;
            var fileStart = folderAt < 0 ? "Migrations.".Length : folderAt + Folder.Length;
            var version = resource[fileStart..^".sql".Length];

            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Embedded migration '{resource}' could not be read.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            migrations.Add(new Migration(version, reader.ReadToEnd()));
        }
        return Ordered(migrations);
    }

    public static IReadOnlyList<Migration> Ordered(IEnumerable<Migration> migrations)
    {
        var ordered = migrations.OrderBy(m => m.Version, StringComparer.Ordinal).ToList();
        var duplicate = ordered.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Two migrations share the version '{duplicate.Key}'.");
        return ordered;
    }
}
