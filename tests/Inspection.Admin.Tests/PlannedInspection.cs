using Inspection.Recommendations.V1;

namespace Inspection.Admin.Tests;

/// <summary>
/// A new provider (a PDU) and a planned inspection of it under pdu-2021-2023, made through recommendation tracking's
/// gRPC API, so a test that changes an inspection changes no other test's.
/// </summary>
public sealed record PlannedInspection(Provider Provider, Inspection.Recommendations.V1.Inspection Inspection, string Unique)
{
    public string InspectionId => Inspection.InspectionId;

    public static async Task<PlannedInspection> CreateAsync(AdminFixture admin, string purpose, string region = "Wales")
    {
        var tracking = admin.Tracking.CreateClient<RecommendationTracking.RecommendationTrackingClient>();
        var unique = Guid.NewGuid().ToString("N")[..8];
        var provider = await tracking.CreateProviderAsync(new CreateProviderRequest
        {
            RequestId = "p-" + unique, Name = $"{purpose} Test PDU {unique}", Type = "pdu", Region = region, CreatedBy = "admin-tests",
        });
        var inspection = await tracking.CreateInspectionAsync(new CreateInspectionRequest
        {
            RequestId = "i-" + unique, ProviderId = provider.ProviderId, FrameworkId = "pdu-2021-2023", FieldworkStart = "2022-06-06", CreatedBy = "admin-tests",
        });
        return new PlannedInspection(provider, inspection, unique);
    }
}
