using System.Text.Json;

namespace Inspection.Evidence.Demo;

/// <summary>
/// The parts of one published inspection in reference-inspections.json that this service holds: the staffing
/// return, the characteristics table and the domain-one ratings.
/// Contains public sector information licensed under the Open Government Licence v3.0.
/// </summary>
public sealed record ReferenceInspection(
    string Provider,
    string FrameworkId,
    string Published,
    string FieldworkStart,
    IReadOnlyDictionary<string, string> Ratings,
    IReadOnlyDictionary<string, string> DecisionRulesApplied,
    IReadOnlyDictionary<string, double> StaffingAndWorkload,
    IReadOnlyDictionary<string, double> CharacteristicsOfInspectedCases)
{
    /// <summary>The reference inspections of the product's domain data (<see cref="DomainData"/>).</summary>
    public static IReadOnlyList<ReferenceInspection> LoadShipped()
    {
        using var stream = DomainData.OpenReferenceInspections();
        return Load(stream);
    }

    public static IReadOnlyList<ReferenceInspection> Load(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("inspections").EnumerateArray().Select(Read).ToList();
    }

    private static ReferenceInspection Read(JsonElement inspection)
    {
        // 2008 inspections publish their section 4 (leadership and strategic management) grades under "section4".
        var ratings = Words(inspection, "ratings");
        foreach (var (standard, word) in Words(inspection, "section4")) ratings[standard] = word;
        return new ReferenceInspection(
            inspection.GetProperty("provider").GetString()!,
            inspection.GetProperty("framework").GetString()!,
            Text(inspection, "published"),
            Text(inspection, "fieldwork_start"),
            ratings,
            Words(inspection, "decision_rules_applied"),
            Numbers(inspection, "staffing_and_workload"),
            Numbers(inspection, "characteristics_of_inspected_cases"));
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static Dictionary<string, string> Words(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)
            : [];

    private static Dictionary<string, double> Numbers(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble())
            : [];
}
