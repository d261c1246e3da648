using Inspection.ServiceDefaults;

namespace Inspection.Admin.Status;

/// <summary>The services' names as staff know them.</summary>
public static class ServiceNames
{
    public const string RecommendationTracking = "Recommendation tracking";
    public const string CaseSampling = "Case sampling";
    public const string AssessmentScoring = "Assessment scoring";
    public const string OrganisationalEvidence = "Organisational-delivery evidence";

    private static readonly IReadOnlyDictionary<string, string> ByAppId = new Dictionary<string, string>
    {
        ["recommendation-tracking"] = RecommendationTracking,
        ["case-sampling"] = CaseSampling,
        ["assessment-scoring"] = AssessmentScoring,
        ["organisational-evidence"] = OrganisationalEvidence,
    };

    public static string Of(string appId) => ByAppId.TryGetValue(appId, out var name) ? name : appId;

    /// <summary>The service a transport error names (ServiceClients names the target), else whose default port appears in it, else "A service".</summary>
    public static string FromAddress(string detail)
    {
        foreach (var app in AppTopology.All)
            if (detail.Contains(UpstreamException.DidNotAnswer(app.AppId), StringComparison.Ordinal)) return Of(app.AppId);
        foreach (var app in AppTopology.All)
            if (app.GrpcPort is { } port && detail.Contains($":{port}", StringComparison.Ordinal)) return Of(app.AppId);
        return "A service the admin needs";
    }
}
