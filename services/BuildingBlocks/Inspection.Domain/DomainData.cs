using System.Text.Json.Nodes;

namespace Inspection.Domain;

/// <summary>
/// The product's domain data, copied beside every assembly that references this project (folder <c>domain/</c>):
/// the frameworks, every <c>*.json</c> in <c>domain/frameworks/</c> holding one framework object or an array of them,
/// and the reference inspections. Every service reads them here, so one folder of the repository is the only source.
/// </summary>
public static class DomainData
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "domain");

    public static string FrameworksFolder => Path.Combine(Folder, "frameworks");

    public static string ReferenceInspectionsPath => Path.Combine(Folder, "reference-inspections.json");

    /// <summary>Every framework of <paramref name="folder"/> (default: the shipped one) as one JSON array, files in
    /// name order: the shape frameworks.json has, whatever number of files a new programme added.</summary>
    public static Stream OpenFrameworks(string? folder = null)
    {
        folder ??= FrameworksFolder;
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"The framework data folder '{folder}' does not exist");
        var all = new JsonArray();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var root = JsonNode.Parse(File.ReadAllText(file));
            var definitions = root switch
            {
                JsonArray array => array.ToList(),
                JsonObject single => [single],
                _ => throw new InvalidDataException($"{file} holds neither a framework object nor an array of them"),
            };
            foreach (var definition in definitions) all.Add(definition?.DeepClone());
        }
        if (all.Count == 0) throw new InvalidDataException($"The framework data folder '{folder}' holds no framework");
        return new MemoryStream(System.Text.Encoding.UTF8.GetBytes(all.ToJsonString()));
    }

    public static Stream OpenReferenceInspections() =>
        File.Exists(ReferenceInspectionsPath)
            ? File.OpenRead(ReferenceInspectionsPath)
            : throw new FileNotFoundException("The reference inspections are not beside the binaries", ReferenceInspectionsPath);
}
