using System.Text.Json.Nodes;
using Inspection.Domain;

namespace Inspection.Scoring.Domain.Frameworks;

/// <summary>
/// The frameworks known to the service, read from a folder of data files: every <c>*.json</c> holding a framework
/// object or an array of them, plus <c>case-applicability.json</c> (which case attribute scopes a standard or key
/// question). A new programme is a new file in the folder.
/// </summary>
public sealed class FrameworkCatalog
{
    public const string ApplicabilityFileName = "case-applicability.json";

    private readonly Dictionary<string, Framework> _frameworks;

    public FrameworkCatalog(IEnumerable<Framework> frameworks)
    {
        _frameworks = new Dictionary<string, Framework>(StringComparer.Ordinal);
        foreach (var framework in frameworks)
        {
            if (!_frameworks.TryAdd(framework.Id, framework))
                throw new FormatException($"framework '{framework.Id}' is defined twice");
        }
    }

    /// <summary>The folder copied beside the assembly (frameworks.json from the spec and our applicability overlay).</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "frameworks");

    public static FrameworkCatalog LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"framework data folder '{directory}' does not exist");
        var applicabilityPath = Path.Combine(directory, ApplicabilityFileName);
        var applicability = File.Exists(applicabilityPath)
            ? JsonNode.Parse(File.ReadAllText(applicabilityPath))?["frameworks"] as JsonObject
            : null;

        var frameworks = new List<Framework>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(file) == ApplicabilityFileName) continue;
            var root = JsonNode.Parse(File.ReadAllText(file));
            var objects = root switch
            {
                JsonArray array => array.OfType<JsonObject>().ToList(),
                JsonObject single when single["domains"] is not null => [single],
                _ => [],
            };
            foreach (var definition in objects)
            {
                var id = (string?)definition["id"] ?? throw new FormatException($"{file}: a framework without an id");
                frameworks.Add(FrameworkReader.Read(definition, applicability?[id] as JsonObject));
            }
        }
        return new FrameworkCatalog(frameworks);
    }

    public IReadOnlyCollection<Framework> All => _frameworks.Values.OrderBy(f => f.Id, StringComparer.Ordinal).ToList();

    public Framework Get(string id) =>
        _frameworks.TryGetValue(id, out var framework) ? framework : throw new NotFoundException("framework", id);

    public bool TryGet(string id, out Framework framework) => _frameworks.TryGetValue(id, out framework!);
}
