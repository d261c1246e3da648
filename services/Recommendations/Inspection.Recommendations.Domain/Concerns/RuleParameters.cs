using System.Text.Json;

namespace Inspection.Recommendations.Domain.Concerns;

/// <summary>Reads a rule's parameters from concern-rules.json, naming the rule and parameter when one is missing or wrong.</summary>
internal static class RuleParameters
{
    public static int Int(ConcernRuleDefinition rule, JsonElement parameters, string name, int atLeast) =>
        parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty(name, out var value) && value.TryGetInt32(out var number) && number >= atLeast
            ? number
            : throw new InvalidDataException($"Cause-for-concern rule {rule.Id} version {rule.Version}: parameter '{name}' must be a whole number of at least {atLeast}.");

    public static string Text(ConcernRuleDefinition rule, JsonElement parameters, string name) =>
        parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty(name, out var value) && value.GetString() is { Length: > 0 } text
            ? text
            : throw new InvalidDataException($"Cause-for-concern rule {rule.Id} version {rule.Version}: parameter '{name}' is required.");
}
