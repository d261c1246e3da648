using Inspection.Domain;
using System.Text.Json;

namespace Inspection.Recommendations.Tests;

/// <summary>
/// The published figures the tests check against, read straight from the product's reference-inspections.json (DomainData)
/// (never typed into a test). Contains public sector information licensed under the Open Government Licence v3.0.
/// </summary>
public static class ReferenceData
{
    public static string ReferenceInspectionsPath => DomainData.ReferenceInspectionsPath;

    private static readonly Lazy<JsonDocument> Document = new(() => JsonDocument.Parse(File.ReadAllText(ReferenceInspectionsPath)));

    public static IReadOnlyList<JsonElement> Inspections => Document.Value.RootElement.GetProperty("inspections").EnumerateArray().ToList();

    /// <summary>The one real annex: the inspection whose report judged recommendations carried from its predecessors.</summary>
    public static JsonElement AnnexInspection => Inspections.Single(i => i.TryGetProperty("previous_recommendations", out _));

    public static IReadOnlyList<AnnexItem> Annex =>
        AnnexInspection.GetProperty("previous_recommendations").EnumerateArray()
            .Select(r => new AnnexItem(
                r.GetProperty("text").GetString()!,
                r.GetProperty("origin").GetString()!,
                r.GetProperty("judgement").GetString()!,
                r.TryGetProperty("repeated_from_previous_inspection", out var repeated) && repeated.GetBoolean()))
            .ToList();

    /// <summary>The published counts by judgement word, counted from the annex.</summary>
    public static IReadOnlyDictionary<string, int> AnnexCounts =>
        Annex.GroupBy(a => a.Judgement).ToDictionary(g => g.Key, g => g.Count());

    public static IReadOnlyList<PublishedRecommendation> RecommendationsOf(JsonElement inspection) =>
        inspection.GetProperty("recommendations").EnumerateArray()
            .Select(r => new PublishedRecommendation(r.GetProperty("number").GetInt32(), r.GetProperty("addressee").GetString()!, r.GetProperty("text").GetString()!))
            .ToList();

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public sealed record AnnexItem(string Text, string Origin, string Judgement, bool Repeated);

    public sealed record PublishedRecommendation(int Number, string Addressee, string Text);
}
