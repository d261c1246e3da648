using System.Text.Json;
using Inspection.Testing;

namespace Inspection.LoadAndFaults;

/// <summary>One service of deploy/services.json: its app id, project folder and database name.</summary>
public sealed record ServiceApp(string AppId, string Project, string Database);

/// <summary>The four gRPC services of deploy/services.json, in its order (the order the run command starts them in).</summary>
public static class ServiceTopology
{
    public const string RecommendationTracking = "recommendation-tracking";
    public const string CaseSampling = "case-sampling";
    public const string AssessmentScoring = "assessment-scoring";
    public const string OrganisationalEvidence = "organisational-evidence";

    public static IReadOnlyList<ServiceApp> Services { get; } = Read();

    private static List<ServiceApp> Read()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(ServiceProcess.RepositoryRoot, "deploy", "services.json")));
        return document.RootElement.GetProperty("apps").EnumerateArray()
            .Where(app => app.GetProperty("grpcPort").ValueKind == JsonValueKind.Number)
            .Select(app => new ServiceApp(app.GetProperty("appId").GetString()!, app.GetProperty("project").GetString()!, app.GetProperty("database").GetString()!))
            .ToList();
    }
}
