using System.Text.Json;

namespace Inspection.Recommendations.Domain.Concerns;

/// <summary>A rule's parameters in concern-rules.json, naming the rule and parameter when one is missing or wrong.</summary>
internal readonly record struct RuleParameters(ConcernRuleDefinition Rule, JsonElement Parameters)
{
    public int Int(string name, int atLeast) =>
        Parameters.ValueKind == JsonValueKind.Object && Parameters.TryGetProperty(name, out var value) && value.TryGetInt32(out var number) && number >= atLeast
            ? number
            : throw new InvalidDataException($"Cause-for-concern rule {Rule.Id} version {Rule.Version}: parameter '{name}' must be a whole number of at least {atLeast}.");

    public string Text(string name) =>
        Parameters.ValueKind == JsonValueKind.Object && Parameters.TryGetProperty(name, out var value) && value.GetString() is { Length: > 0 } text
            ? text
            : throw new InvalidDataException($"Cause-for-concern rule {Rule.Id} version {Rule.Version}: parameter '{name}' is required.");
}
