using System.Text.Json;

namespace Inspection.Recommendations.Domain.Frameworks;

/// <summary>
/// The standards and key questions of every framework (frameworks.json), in the framework's order: what a
/// recommendation may be linked to. Read apart from <see cref="FrameworkCatalogue"/>, which knows only the scales.
/// </summary>
public sealed class FrameworkOutline
{
    private readonly Dictionary<string, IReadOnlyList<OutlineItem>> _items;

    private FrameworkOutline(Dictionary<string, IReadOnlyList<OutlineItem>> items) => _items = items;

    public static FrameworkOutline Load(string? frameworksFolder = null)
    {
        using var frameworks = DomainData.OpenFrameworks(frameworksFolder);
        return Load(frameworks);
    }

    public static FrameworkOutline Load(Stream frameworksJson)
    {
        using var document = JsonDocument.Parse(frameworksJson);
        var result = new Dictionary<string, IReadOnlyList<OutlineItem>>(StringComparer.Ordinal);
        foreach (var framework in document.RootElement.EnumerateArray())
        {
            var items = new List<OutlineItem>();
            var order = 0;
            foreach (var domain in Array(framework, "domains"))
            foreach (var standard in Array(domain, "standards"))
            {
                var standardId = standard.GetProperty("id").GetString()!;
                items.Add(new OutlineItem(OutlineKind.Standard, standardId, Text(standard, "name"), standardId, order++));
                foreach (var question in Array(standard, "key_questions"))
                    items.Add(new OutlineItem(OutlineKind.KeyQuestion, question.GetProperty("id").GetString()!, Text(question, "text"), standardId, order++));
            }
            result[framework.GetProperty("id").GetString()!] = items;
        }
        return new FrameworkOutline(result);
    }

    /// <summary>The framework's standards and key questions; none for a framework it does not hold.</summary>
    public IReadOnlyList<OutlineItem> Of(string frameworkId) => _items.GetValueOrDefault(frameworkId) ?? [];

    public OutlineItem? Find(string frameworkId, OutlineKind kind, string id) =>
        Of(frameworkId).FirstOrDefault(i => i.Kind == kind && i.Id == id);

    private static IEnumerable<JsonElement> Array(JsonElement parent, string property) =>
        parent.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : [];

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var text) && text.ValueKind == JsonValueKind.String ? text.GetString()! : "";
}
