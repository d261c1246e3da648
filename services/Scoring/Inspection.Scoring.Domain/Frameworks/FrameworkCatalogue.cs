using System.Text.Json.Nodes;

namespace Inspection.Scoring.Domain.Frameworks;

/// <summary>
/// The frameworks known to the service: the product's framework data (<see cref="DomainData"/>), each read with this
/// service's applicability overlay (<c>case-applicability.json</c>, embedded: which case attribute scopes a standard
/// or key question).
/// </summary>
public sealed class FrameworkCatalogue
{
    private const string ApplicabilityResource = "Inspection.Scoring.Domain.case-applicability.json";

    private readonly Dictionary<string, Framework> _frameworks;

    public FrameworkCatalogue(IEnumerable<Framework> frameworks)
    {
        _frameworks = new Dictionary<string, Framework>(StringComparer.Ordinal);
        foreach (var framework in frameworks)
        {
            if (!_frameworks.TryAdd(framework.Id, framework))
                throw new FormatException($"framework '{framework.Id}' is defined twice");
        }
    }

    /// <summary>The frameworks of <paramref name="frameworksFolder"/> (default: the shipped domain data).</summary>
    public static FrameworkCatalogue Load(string? frameworksFolder = null)
    {
        using var frameworks = DomainData.OpenFrameworks(frameworksFolder);
        using var applicability = EmbeddedResource.Open(typeof(FrameworkCatalogue), ApplicabilityResource);
        return Load(frameworks, applicability);
    }

    public static FrameworkCatalogue Load(Stream frameworksJson, Stream applicabilityJson)
    {
        var overlay = JsonNode.Parse(applicabilityJson)?["frameworks"] as JsonObject;
        var definitions = JsonNode.Parse(frameworksJson) as JsonArray ?? throw new FormatException("the framework data is not an array of frameworks");
        return new FrameworkCatalogue(definitions.OfType<JsonObject>().Select(definition =>
        {
            var id = (string?)definition["id"] ?? throw new FormatException("a framework without an id");
            return FrameworkReader.Read(definition, overlay?[id] as JsonObject);
        }));
    }

    public IReadOnlyCollection<Framework> All => _frameworks.Values.OrderBy(f => f.Id, StringComparer.Ordinal).ToList();

    public Framework Get(string id) =>
        _frameworks.TryGetValue(id, out var framework) ? framework : throw new NotFoundException("framework", id);

    public bool TryGet(string id, out Framework framework) => _frameworks.TryGetValue(id, out framework!);
}
