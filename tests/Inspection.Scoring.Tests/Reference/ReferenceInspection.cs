using Inspection.Domain;
using System.Text.Json.Nodes;

namespace Inspection.Scoring.Tests.Reference;

/// <summary>One inspection of reference-inspections.json: the published figures the tests must reproduce.
/// Contains public sector information licensed under the Open Government Licence v3.0.</summary>
public sealed record ReferenceInspection(
    string Provider,
    string FrameworkId,
    int Cases,
    int Licences,
    int CourtReports,
    int Women,
    IReadOnlyDictionary<string, string> Ratings,
    IReadOnlyDictionary<string, string> DecisionRulesApplied,
    int? Score,
    int? MaxScore,
    string? OverallRating,
    IReadOnlyDictionary<string, int> KeyQuestionPct,
    IReadOnlyDictionary<string, IReadOnlyList<(string Text, int Pct)>> PromptPct,
    IReadOnlyDictionary<string, double> CriterionPct,
    IReadOnlyDictionary<string, string> Section4,
    double? RiskOfHarmThreadPct)
{
    public const string PostCustodyKey = "2.4 post-custody prompts";

    public static string FilePath => DomainData.ReferenceInspectionsPath;

    public static IReadOnlyList<ReferenceInspection> LoadAll()
    {
        var root = JsonNode.Parse(File.ReadAllText(FilePath))!;
        return root["inspections"]!.AsArray().Select(n => Read(n!.AsObject())).ToList();
    }

    public static ReferenceInspection Load(string providerStartsWith) =>
        LoadAll().Single(i => i.Provider.StartsWith(providerStartsWith, StringComparison.Ordinal));

    private static ReferenceInspection Read(JsonObject node)
    {
        var sample = node["sample"]!.AsObject();
        return new ReferenceInspection(
            (string)node["provider"]!,
            (string)node["framework"]!,
            (int)sample["cases"]!,
            (int?)sample["post_release_licences"] ?? 0,
            (int?)sample["court_reports"] ?? 0,
            (int?)sample["women"] ?? 0,
            Strings(node["ratings"]),
            Strings(node["decision_rules_applied"]),
            (int?)node["score"],
            (int?)node["max_score"],
            (string?)node["overall_rating"],
            (node["key_question_pct"] as JsonObject ?? []).ToDictionary(p => p.Key, p => (int)p.Value!),
            (node["prompt_pct"] as JsonObject ?? []).ToDictionary(
                p => p.Key,
                p => (IReadOnlyList<(string, int)>)p.Value!.AsArray().Select(x => ((string)x!["prompt"]!, (int)x["pct_yes"]!)).ToList()),
            (node["criterion_pct"] as JsonObject ?? []).ToDictionary(p => p.Key, p => (double)p.Value!),
            Strings(node["section4"]),
            (double?)node["risk_of_harm_thread_pct"]);
    }

    private static IReadOnlyDictionary<string, string> Strings(JsonNode? node) =>
        (node as JsonObject ?? []).ToDictionary(p => p.Key, p => (string)p.Value!);
}
