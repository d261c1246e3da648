using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Inspection.Scoring.Domain.Frameworks;

/// <summary>
/// Reads one framework object of frameworks.json (snake_case, as published) into a <see cref="Framework"/>.
/// The applicability overlay, when given, is merged into the JSON first so the stored definition is self-contained
/// and its hash covers everything that affects a rating.
/// </summary>
public static class FrameworkReader
{
    /// <param name="applicability">Entries of case-applicability.json for this framework: standard or key-question id to its fields.</param>
    public static Framework Read(JsonObject definition, JsonObject? applicability = null)
    {
        var merged = (JsonObject)definition.DeepClone();
        if (applicability is not null) MergeApplicability(merged, applicability);
        return FromDefinition(merged.ToJsonString());
    }

    /// <summary>Reads a definition stored earlier (already merged); its version is recomputed from the text.</summary>
    public static Framework FromDefinition(string definitionJson)
    {
        var root = JsonNode.Parse(definitionJson)?.AsObject() ?? throw new FormatException("framework definition is empty");
        var id = Required(root, "id");
        var overall = ReadOverall(root["overall"] as JsonObject);
        var ratingWords = Strings(root["rating_words"]);
        var gradedRatings = overall is null
            ? ratingWords
            : overall.Points.OrderByDescending(p => p.Value).Select(p => p.Key).ToList();

        var standardsIndex = (root["domains"]?.AsArray() ?? [])
            .OfType<JsonObject>()
            .SelectMany(d => (d["standards"]?.AsArray() ?? []).OfType<JsonObject>()
                .Select(s => (Id: Required(s, "id"), Name: Required(s, "name"), DomainId: Required(d, "id"))))
            .ToList();

        var domains = new List<FrameworkDomain>();
        foreach (var domainNode in (root["domains"]?.AsArray() ?? []).OfType<JsonObject>())
        {
            var domainId = Required(domainNode, "id");
            var standardNodes = (domainNode["standards"]?.AsArray() ?? []).OfType<JsonObject>().ToList();
            // Unrated standards sitting among case-rated ones (Outcomes) are answered in case assessments too.
            var caseDomain = standardNodes.Any(s => (string?)s["rating_method"] == "lowest_key_question");
            var standards = standardNodes
                .Select(s => ReadStandard(s, domainId, caseDomain, gradedRatings, standardsIndex))
                .ToList();
            domains.Add(new FrameworkDomain(domainId, Required(domainNode, "name"), standards));
        }

        var bands = (root["question_bands"]?.AsArray() ?? []).OfType<JsonObject>()
            .Select(b => new RatingBand(Required(b, "rating"), (int)b["min_pct"]!, (int?)b["max_pct_exclusive"]))
            .OrderBy(b => b.MinPct)
            .ToList();

        OmiScoringScheme? omi = null;
        if (root["scoring"] is JsonObject scoring)
        {
            omi = new OmiScoringScheme(
                (string?)scoring["criterion_pct"] ?? "",
                (string?)scoring["section_pct"] ?? "",
                (string?)scoring["risk_of_harm_thread_pct"] ?? "",
                Strings(scoring["section4_scale"]));
        }

        return new Framework(
            id,
            Required(root, "name"),
            (string?)root["provider_type"],
            (string?)root["years"],
            ratingWords,
            domains,
            bands,
            overall,
            omi,
            definitionJson,
            Hash(definitionJson));
    }

    private static Standard ReadStandard(
        JsonObject node,
        string domainId,
        bool caseDomain,
        IReadOnlyList<string> gradedRatings,
        IReadOnlyList<(string Id, string Name, string DomainId)> standardsIndex)
    {
        var id = Required(node, "id");
        var method = ((string?)node["rating_method"]) switch
        {
            "lowest_key_question" => RatingMethod.LowestKeyQuestion,
            "inspector_judgement" => RatingMethod.InspectorJudgement,
            "average_80_20" => RatingMethod.Average8020,
            "four_point" => RatingMethod.FourPoint,
            null => RatingMethod.None,
            var other => throw new FormatException($"standard {id}: unknown rating_method '{other}'"),
        };
        var rated = (bool?)node["rated"] ?? false;
        var standardAttribute = (string?)node["case_attribute"];

        var keyQuestions = new List<KeyQuestion>();
        foreach (var kq in (node["key_questions"]?.AsArray() ?? []).OfType<JsonObject>())
        {
            var kqId = Required(kq, "id");
            var subsample = (bool?)kq["relevant_subsample_only"] ?? false;
            var prompts = (kq["prompts"]?.AsArray() ?? []).OfType<JsonObject>()
                .Select((p, i) => ReadPrompt(p, $"{kqId}.p{i + 1}", id, kqId, i + 1))
                .ToList();
            var attribute = (string?)kq["case_attribute"] ?? (subsample ? "rosh_relevant" : standardAttribute);
            keyQuestions.Add(new KeyQuestion(kqId, Required(kq, "text"), id, prompts, subsample, attribute));
        }
        var postCustody = (node["post_custody_prompts"]?.AsArray() ?? []).OfType<JsonObject>()
            .Select((p, i) => ReadPrompt(p, $"{id}.pc{i + 1}", id, null, i + 1))
            .ToList();
        var rules = (node["decision_rules"]?.AsArray() ?? []).OfType<JsonObject>()
            .Select(r => DecisionRuleReader.Read(id, Required(r, "type"), (string?)r["applies_when"] ?? "", (string?)r["effect"] ?? "", gradedRatings, standardsIndex))
            .ToList();

        var isCaseStandard = method == RatingMethod.LowestKeyQuestion || (!rated && caseDomain);
        return new Standard(id, Required(node, "name"), (string?)node["statement"], domainId, rated, method,
            (bool?)node["optional"] ?? false, (string?)node["not_applicable_rating_word"], keyQuestions, postCustody, rules, isCaseStandard);
    }

    private static Prompt ReadPrompt(JsonObject node, string id, string standardId, string? keyQuestionId, int number) =>
        new(id, Required(node, "text"), standardId, keyQuestionId, number,
            (string?)node["marker"] ?? "",
            (bool?)node["not_in_unpaid_work_only"] ?? false,
            (bool?)node["not_every_case"] ?? false,
            (bool?)node["post_custody_only"] ?? false);

    private static OverallRule? ReadOverall(JsonObject? node)
    {
        if (node is null) return null;
        var points = (node["points"] as JsonObject ?? [])
            .ToDictionary(p => p.Key, p => (int)p.Value!, StringComparer.Ordinal);
        var bands = (node["bands_by_fraction_of_max"]?.AsArray() ?? []).OfType<JsonObject>()
            .Select(b => new OverallBand(Required(b, "rating"), Fraction.Parse(Required(b, "max_fraction_inclusive"))))
            .OrderBy(b => b.MaxFractionInclusive)
            .ToList();
        return new OverallRule(points, bands);
    }

    private static void MergeApplicability(JsonObject framework, JsonObject applicability)
    {
        foreach (var domain in (framework["domains"]?.AsArray() ?? []).OfType<JsonObject>())
        foreach (var standard in (domain["standards"]?.AsArray() ?? []).OfType<JsonObject>())
        {
            Apply(standard, applicability);
            foreach (var kq in (standard["key_questions"]?.AsArray() ?? []).OfType<JsonObject>()) Apply(kq, applicability);
        }

        static void Apply(JsonObject target, JsonObject applicability)
        {
            if (applicability[(string)target["id"]!] is not JsonObject fields) return;
            foreach (var (key, value) in fields) target[key] = value?.DeepClone();
        }
    }

    private static IReadOnlyList<string> Strings(JsonNode? node) =>
        (node?.AsArray() ?? []).Select(n => (string)n!).ToList();

    private static string Required(JsonObject node, string name) =>
        (string?)node[name] ?? throw new FormatException($"framework data: '{name}' is missing in {node.ToJsonString()[..Math.Min(80, node.ToJsonString().Length)]}");

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
