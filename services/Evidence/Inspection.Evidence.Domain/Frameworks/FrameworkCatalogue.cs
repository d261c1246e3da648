using System.Text.Json;

namespace Inspection.Evidence.Domain.Frameworks;

/// <summary>
/// The frameworks' domain-one standards, loaded from frameworks.json (rules as data: the inspectorate
/// changes them between programmes).
/// </summary>
public sealed class FrameworkCatalogue
{
    // Standards with these rating methods are judged by inspectors on the evidence, not computed from cases:
    // domain one from 2018 ("inspector_judgement") and the 2008 section 4 criteria ("four_point").
    private static readonly HashSet<string> JudgedRatingMethods = ["inspector_judgement", "four_point"];

    private static readonly Lazy<FrameworkCatalogue> Shipped = new(() =>
    {
        using var stream = DomainData.OpenFrameworks();
        return Load(stream);
    });

    private readonly Dictionary<string, OrganisationalFramework> _frameworks;

    private FrameworkCatalogue(IEnumerable<OrganisationalFramework> frameworks) =>
        _frameworks = frameworks.ToDictionary(f => f.Id, StringComparer.Ordinal);

    /// <summary>The catalogue built from the product's domain data (<see cref="DomainData"/>).</summary>
    public static FrameworkCatalogue Default => Shipped.Value;

    public IReadOnlyCollection<OrganisationalFramework> Frameworks => _frameworks.Values;

    public OrganisationalFramework? Find(string frameworkId) =>
        _frameworks.GetValueOrDefault(frameworkId);

    /// <summary>The framework, or NOT_FOUND: an inspection registered under a framework this catalogue lacks.</summary>
    public OrganisationalFramework Get(string frameworkId) =>
        Find(frameworkId) ?? throw new NotFoundException("Framework", frameworkId);

    public static FrameworkCatalogue Load(Stream frameworksJson)
    {
        using var document = JsonDocument.Parse(frameworksJson);
        return new FrameworkCatalogue(document.RootElement.EnumerateArray().Select(ReadFramework));
    }

    private static OrganisationalFramework ReadFramework(JsonElement framework)
    {
        var standards = new List<OrganisationalStandard>();
        foreach (var domain in framework.GetProperty("domains").EnumerateArray())
        foreach (var standard in domain.GetProperty("standards").EnumerateArray())
        {
            if (!standard.TryGetProperty("rating_method", out var method) || method.ValueKind != JsonValueKind.String
                || !JudgedRatingMethods.Contains(method.GetString()!))
                continue;
            standards.Add(new OrganisationalStandard(
                standard.GetProperty("id").GetString()!,
                standard.GetProperty("name").GetString()!,
                standard.TryGetProperty("statement", out var statement) ? statement.GetString() ?? "" : "",
                standard.TryGetProperty("key_questions", out var kqs)
                    ? kqs.EnumerateArray().Select(k => new KeyQuestion(k.GetProperty("id").GetString()!, k.GetProperty("text").GetString()!)).ToList()
                    : [],
                standard.TryGetProperty("evidence_subsections", out var subsections)
                    ? subsections.EnumerateArray().Select(s => s.GetString()!).ToList()
                    : []));
        }

        return new OrganisationalFramework(
            framework.GetProperty("id").GetString()!,
            framework.GetProperty("name").GetString()!,
            standards,
            ReadRatingWords(framework));
    }

    // The words a domain-one judgement may use: the framework's rating words that score points (so not the
    // court-work-only "Not applicable"); 2008 section 4 criteria use the four-point scale instead.
    private static List<string> ReadRatingWords(JsonElement framework)
    {
        if (framework.TryGetProperty("rating_words", out var words) && words.ValueKind == JsonValueKind.Array)
        {
            var all = words.EnumerateArray().Select(w => w.GetString()!).ToList();
            if (framework.TryGetProperty("overall", out var overall) && overall.ValueKind == JsonValueKind.Object
                && overall.TryGetProperty("points", out var points) && points.ValueKind == JsonValueKind.Object)
            {
                var scored = points.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                return all.Where(scored.Contains).ToList();
            }
            return all;
        }

        if (framework.TryGetProperty("scoring", out var scoring) && scoring.ValueKind == JsonValueKind.Object
            && scoring.TryGetProperty("section4_scale", out var scale) && scale.ValueKind == JsonValueKind.Array)
            return scale.EnumerateArray().Select(w => w.GetString()!).ToList();

        return [];
    }
}
