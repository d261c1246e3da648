using System.Text.Json;

namespace Inspection.Recommendations.Domain.Concerns;

/// <summary>
/// The causes for concern in force (concern-rules.json, embedded in this assembly): each rule read into the class of
/// its kind, and every finding of every rule that was met on or after the day the rule came into force.
/// </summary>
public sealed class ConcernRuleBook
{
    private const string Resource = "concern-rules.json";

    private ConcernRuleBook(IReadOnlyList<IConcernRule> rules) => Rules = rules;

    public IReadOnlyList<IConcernRule> Rules { get; }

    public static ConcernRuleBook Load() => EmbeddedResource.Read(typeof(ConcernRuleBook), Resource, Load);

    public static ConcernRuleBook Load(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var rules = new List<IConcernRule>();
        foreach (var entry in document.RootElement.GetProperty("rules").EnumerateArray())
        {
            var definition = new ConcernRuleDefinition(
                Text(entry, "id"), entry.GetProperty("version").GetInt32(), Text(entry, "kind"), Text(entry, "title"), Text(entry, "description"),
                CalendarDate.Parse("in_force_from", Text(entry, "in_force_from")));
            if (definition.Version < 1) throw new InvalidDataException($"Cause-for-concern rule {definition.Id}: version must be 1 or more.");
            if (rules.Any(r => r.Definition.Id == definition.Id)) throw new InvalidDataException($"Cause-for-concern rule {definition.Id} is listed twice.");
            entry.TryGetProperty("parameters", out var values);
            var parameters = new RuleParameters(definition, values);
            rules.Add(definition.Kind switch
            {
                RepeatedJudgementRule.Kind =>
                    new RepeatedJudgementRule(definition, parameters.Text("judgement"), parameters.Int("successive_inspections", 2)),
                MissingImprovementPlanRule.Kind => new MissingImprovementPlanRule(definition, parameters.Int("weeks_after_due", 0)),
                PriorityNotTakenUpRule.Kind => new PriorityNotTakenUpRule(definition, parameters.Int("revisions_allowed", 0)),
                _ => throw new InvalidDataException($"Cause-for-concern rule {definition.Id}: no code evaluates the kind '{definition.Kind}'."),
            });
        }
        return new ConcernRuleBook(rules);
    }

    /// <summary>Every finding of every rule, in a fixed order (so concurrent sweeps take the same keys in the same order).</summary>
    public IReadOnlyList<ConcernFinding> Evaluate(ConcernFacts facts, DateOnly today) =>
        Rules.SelectMany(r => r.Find(facts, today))
            .Where(f => f.MetOn >= f.Rule.InForceFrom)
            .OrderBy(f => f.Rule.Id, StringComparer.Ordinal).ThenBy(f => f.ProviderId).ThenBy(f => f.RecordsKey, StringComparer.Ordinal)
            .ToList();

    private static string Text(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.GetString() is { Length: > 0 } text
            ? text
            : throw new InvalidDataException($"A cause-for-concern rule has no '{name}'.");
}
