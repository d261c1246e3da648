using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inspection.ServiceDefaults;

/// <summary>One app of the system as deploy/services.json declares it.</summary>
public sealed record AppEndpoint(
    [property: JsonPropertyName("appId")] string AppId,
    [property: JsonPropertyName("project")] string Project,
    [property: JsonPropertyName("grpcPort")] int? GrpcPort,
    [property: JsonPropertyName("httpPort")] int HttpPort,
    [property: JsonPropertyName("database")] string Database,
    [property: JsonPropertyName("metricsPort")] int? MetricsPort = null)
{
    /// <summary>Where Prometheus scrapes /metrics: the admin's own metrics port, a service's probe port.</summary>
    public int InternalPort => MetricsPort ?? HttpPort;
}

/// <summary>deploy/services.json, embedded at build time so every host reads the same ports and ids.</summary>
public static class AppTopology
{
    private static readonly Lazy<IReadOnlyList<AppEndpoint>> Apps = new(() =>
    {
        using var stream = typeof(AppTopology).Assembly.GetManifestResourceStream("services.json")
            ?? throw new InvalidOperationException("services.json is not embedded");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("apps").Deserialize<List<AppEndpoint>>()!;
    });

    public static IReadOnlyList<AppEndpoint> All => Apps.Value;

    public static AppEndpoint Get(string appId) =>
        All.FirstOrDefault(a => a.AppId == appId) ?? throw new InvalidOperationException($"'{appId}' is not in deploy/services.json");
}
