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

    /// <summary>Copies of the app Kubernetes runs at least (its Deployment and the HorizontalPodAutoscaler's minimum).</summary>
    [JsonPropertyName("replicas")] public int Replicas { get; init; } = 1;
    /// <summary>Copies at most (the autoscaler's maximum): the connection budget is added up at this many.</summary>
    [JsonPropertyName("maxReplicas")] public int MaxReplicas { get; init; } = 1;
    /// <summary>Npgsql's Max Pool Size of one copy: calls beyond it wait for a connection (see <c>Database</c>).</summary>
    [JsonPropertyName("poolSize")] public int PoolSize { get; init; } = 20;
    /// <summary>Connections one copy opens past the pooler (migrations, readiness probes, LISTEN).</summary>
    [JsonPropertyName("directConnections")] public int DirectConnections { get; init; } = 3;
}

/// <summary>deploy/services.json's PostgreSQL: what every app's connections must fit in.</summary>
public sealed record PostgresBudget(
    [property: JsonPropertyName("maxConnections")] int MaxConnections,
    [property: JsonPropertyName("reservedConnections")] int ReservedConnections,
    [property: JsonPropertyName("instances")] int Instances);

/// <summary>deploy/services.json's PgBouncer pooler (Kubernetes).</summary>
public sealed record PoolerBudget(
    [property: JsonPropertyName("instances")] int Instances,
    [property: JsonPropertyName("poolMode")] string PoolMode,
    [property: JsonPropertyName("defaultPoolSize")] int DefaultPoolSize,
    [property: JsonPropertyName("maxClientConnections")] int MaxClientConnections);

/// <summary>deploy/services.json, embedded at build time so every host reads the same ports and ids.</summary>
public static class AppTopology
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
    {
        using var stream = typeof(AppTopology).Assembly.GetManifestResourceStream("services.json")
            ?? throw new InvalidOperationException("services.json is not embedded");
        return JsonDocument.Parse(stream);
    });

    private static readonly Lazy<IReadOnlyList<AppEndpoint>> Apps = new(() =>
        Document.Value.RootElement.GetProperty("apps").Deserialize<List<AppEndpoint>>()!);

    public static IReadOnlyList<AppEndpoint> All => Apps.Value;

    public static PostgresBudget Postgres => Document.Value.RootElement.GetProperty("postgres").Deserialize<PostgresBudget>()!;

    public static PoolerBudget Pooler => Document.Value.RootElement.GetProperty("pooler").Deserialize<PoolerBudget>()!;

    public static AppEndpoint Get(string appId) =>
        All.FirstOrDefault(a => a.AppId == appId) ?? throw new InvalidOperationException($"'{appId}' is not in deploy/services.json");
}
