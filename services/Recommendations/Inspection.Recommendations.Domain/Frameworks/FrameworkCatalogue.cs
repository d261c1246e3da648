using System.Text.Json;
using Inspection.Recommendations.Domain.Plans;

namespace Inspection.Recommendations.Domain.Frameworks;

/// <summary>
/// The inspection frameworks (frameworks.json) as far as recommendations need them: which framework ids exist,
/// each one's progress scale and improvement plan rule. The scale and the plan rule come from the framework's own
/// entry when it carries them, else from this service's recommendation-rules.json (per framework, then default).
/// </summary>
public sealed class FrameworkCatalogue
{
    private const string RulesResource = "recommendation-rules.json";
    private readonly Dictionary<string, Framework> _frameworks;

    private FrameworkCatalogue(Dictionary<string, Framework> frameworks) => _frameworks = frameworks;

    public IReadOnlyList<string> FrameworkIds => _frameworks.Keys.ToList();

    /// <summary>Loads the frameworks of <paramref name="frameworksFolder"/> (default: the shipped domain data, <see cref="DomainData"/>),
    /// with the rules embedded in this assembly.</summary>
    public static FrameworkCatalogue Load(string? frameworksFolder = null)
    {
        using var frameworks = DomainData.OpenFrameworks(frameworksFolder);
        using var rules = EmbeddedResource.Open(typeof(FrameworkCatalogue), RulesResource);
        return Load(frameworks, rules);
    }

    public static FrameworkCatalogue Load(Stream frameworksJson, Stream rulesJson)
    {
        using var frameworks = JsonDocument.Parse(frameworksJson);
        using var rules = JsonDocument.Parse(rulesJson);
        var defaults = rules.RootElement.GetProperty("default");
        rules.RootElement.TryGetProperty("frameworks", out var perFramework);

        var result = new Dictionary<string, Framework>(StringComparer.Ordinal);
        foreach (var entry in frameworks.RootElement.EnumerateArray())
        {
            var id = entry.GetProperty("id").GetString() ?? throw new InvalidDataException("A framework has no id.");
            var name = entry.TryGetProperty("name", out var n) ? n.GetString() ?? id : id;
            JsonElement? own = perFramework.ValueKind == JsonValueKind.Object && perFramework.TryGetProperty(id, out var o) ? o : null;
            JsonElement[] sources = own is { } ruleEntry ? [entry, ruleEntry, defaults] : [entry, defaults];

            var words = First(sources, "progress_scale")?.EnumerateArray().Select(w => w.GetString()!).ToList()
                ?? throw new InvalidDataException($"No progress scale for framework {id}.");
            var closing = First(sources, "closing_judgement")?.GetString() ?? words[^1];
            var weeks = First(sources, "improvement_plan_due_weeks")?.GetInt32() ?? ImprovementPlanRule.DefaultWeeks;
            var revisions = First(sources, "target_date_revisions_allowed")?.GetInt32() ?? PlanRule.DefaultRevisionsAllowed;
            var cap = First(sources, "priority_recommendations_cap")?.GetInt32();
            result[id] = new Framework(id, name, new ProgressScale(words, closing), new ImprovementPlanRule(weeks), new PlanRule(revisions, cap));
        }
        if (result.Count == 0) throw new InvalidDataException("frameworks.json lists no frameworks.");
        return new FrameworkCatalogue(result);
    }

    public bool Contains(string frameworkId) => _frameworks.ContainsKey(frameworkId);

    /// <summary>The framework id as frameworks.json spells it, or a violation of <paramref name="field"/> listing the ids.</summary>
    public string? ParseFrameworkId(string? frameworkId, string field, ICollection<FieldViolation> violations)
    {
        var trimmed = frameworkId?.Trim() ?? string.Empty;
        if (_frameworks.ContainsKey(trimmed)) return trimmed;
        violations.Add(new FieldViolation(field, trimmed.Length == 0
            ? $"required: one of {string.Join(", ", _frameworks.Keys)}"
            : $"'{trimmed}' is not a framework: one of {string.Join(", ", _frameworks.Keys)}"));
        return null;
    }

    public string NameOf(string frameworkId) => Get(frameworkId).Name;

    public ProgressScale ProgressScaleFor(string frameworkId) => Get(frameworkId).Scale;

    public ImprovementPlanRule ImprovementPlanFor(string frameworkId) => Get(frameworkId).Plan;

    /// <summary>Every word of every framework's scale, in scale order: the columns of a summary across frameworks.</summary>
    public ProgressScale CombinedProgressScale()
    {
        var words = _frameworks.Values.SelectMany(f => f.Scale.Words).Distinct(StringComparer.Ordinal).ToList();
        return new ProgressScale(words, _frameworks.Values.First().Scale.ClosingWord);
    }

    private Framework Get(string frameworkId) =>
        _frameworks.TryGetValue(frameworkId, out var framework)
            ? framework
            : throw new NotFoundException("Framework", frameworkId);

    private static JsonElement? First(IEnumerable<JsonElement> sources, string property)
    {
        foreach (var source in sources)
            if (source.ValueKind == JsonValueKind.Object && source.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null)
                return value;
        return null;
    }

    /// <summary>Issue 23: how often an action's target date may be revised, and the cap on priority recommendations (none by default).</summary>
    public PlanRule PlanRuleFor(string frameworkId) => Get(frameworkId).PlanRule;

    private sealed record Framework(string Id, string Name, ProgressScale Scale, ImprovementPlanRule Plan, PlanRule PlanRule);
}
