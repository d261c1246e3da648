using System.Text.Json;

namespace Inspection.Sampling.Data;

/// <summary>How the store writes the parts of a sample it keeps as JSON (parameters, size, strata, quotas, exclusions).</summary>
public static class SamplingJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // Doubles such as NaN never arise, but exact round-tripping of the figures matters.
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidOperationException($"Stored JSON for {typeof(T).Name} is empty.");
}
