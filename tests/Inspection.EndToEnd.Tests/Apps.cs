using Inspection.Testing;

namespace Inspection.EndToEnd.Tests;

/// <summary>Where the apps' projects are (as deploy/services.json names them) and how to start one against a database.</summary>
internal static class Apps
{
    public const string RecommendationTracking = "services/Recommendations/Inspection.Recommendations";
    public const string Admin = "web/Inspection.Admin";

    public static ServiceProcess StartRecommendationTracking(string connectionString, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var environment = new Dictionary<string, string?> { ["ConnectionStrings__Default"] = connectionString };
        if (extra is not null) foreach (var (k, v) in extra) environment[k] = v;
        return ServiceProcess.Start("recommendation-tracking", RecommendationTracking, environment);
    }
}
