using Inspection.Recommendations.V1;

namespace Inspection.Scoring.Upstream;

/// <summary>
/// The inspection register as recommendation tracking serves it (GetInspection, ListInspections). Its failures need
/// nothing of their own: the client raises UpstreamException, mapped once (an inspection it does not know is the
/// caller's FAILED_PRECONDITION, an unreachable register UNAVAILABLE naming recommendation-tracking).
/// </summary>
public sealed class RecommendationTrackingRegister(RecommendationTracking.RecommendationTrackingClient client) : IInspectionRegister
{
    public async Task<RegisteredInspection> GetInspectionAsync(string inspectionId, CancellationToken ct) =>
        ToRegistered(await client.GetInspectionAsync(new GetInspectionRequest { InspectionId = inspectionId }, cancellationToken: ct));

    public async Task<IReadOnlyList<RegisteredInspection>> ListInspectionsAsync(string frameworkId, CancellationToken ct)
    {
        var result = new List<RegisteredInspection>();
        var request = new ListInspectionsRequest { FrameworkId = frameworkId, PageSize = 200 };
        while (true)
        {
            var page = await client.ListInspectionsAsync(request, cancellationToken: ct);
            result.AddRange(page.Inspections.Select(ToRegistered));
            if (string.IsNullOrEmpty(page.NextPageToken)) return result;
            request.PageToken = page.NextPageToken;
        }
    }

    private static RegisteredInspection ToRegistered(Recommendations.V1.Inspection inspection) =>
        new(inspection.InspectionId, inspection.ProviderId, inspection.ProviderName, inspection.FrameworkId, inspection.Status, inspection.PublishedOn);
}
