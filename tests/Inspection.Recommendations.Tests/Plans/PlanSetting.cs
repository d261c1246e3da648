using Inspection.Recommendations.V1;

namespace Inspection.Recommendations.Tests.Plans;

/// <summary>Published inspections with recommendations to plan for, made over the tracking contract as staff.</summary>
public sealed class PlanSetting(RecommendationTracking.RecommendationTrackingClient tracking)
{
    public const string By = "plan-tests";

    public async Task<V1.Provider> ProviderAsync(string type = "pdu") =>
        await tracking.CreateProviderAsync(new CreateProviderRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = $"Planned {type} {Guid.NewGuid():N}", Type = type, Region = "Wales", CreatedBy = By,
        });

    /// <summary>A published inspection of <paramref name="providerId"/> (a new pdu when null) with <paramref name="count"/> recommendations to it.</summary>
    /// <param name="priority">Recommendation 1 is flagged a priority recommendation.</param>
    public async Task<AddRecommendationsResponse> PublishedAsync(string? providerId = null, int count = 2, bool publish = true, string type = "pdu", bool priority = false)
    {
        providerId ??= (await ProviderAsync(type)).ProviderId;
        var inspection = await tracking.CreateInspectionAsync(new CreateInspectionRequest
        {
            RequestId = Guid.NewGuid().ToString(), ProviderId = providerId, FrameworkId = "pdu-2024", FieldworkStart = "2024-06-03", CreatedBy = By,
        });
        var request = new AddRecommendationsRequest
        {
            RequestId = Guid.NewGuid().ToString(), InspectionId = inspection.InspectionId, ExpectedVersion = inspection.Version, RecordedBy = By,
        };
        for (var i = 1; i <= count; i++)
            request.Recommendations.Add(new NewRecommendation { AddresseeGroup = "provider", AddresseeProviderId = providerId, Text = $"improve practice {i}", Priority = priority && i == 1 });
        var added = await tracking.AddRecommendationsAsync(request);
        if (!publish) return added;
        var published = await tracking.PublishInspectionAsync(new PublishInspectionRequest
        {
            RequestId = Guid.NewGuid().ToString(), InspectionId = inspection.InspectionId, ExpectedVersion = added.Inspection.Version, PublishedOn = "2024-09-01",
            PublishedBy = By,
        });
        return new AddRecommendationsResponse { Inspection = published, Recommendations = { added.Recommendations } };
    }

    /// <summary>Records that <paramref name="successorId"/> was formed from <paramref name="predecessorId"/>.</summary>
    public async Task RestructureAsync(V1.Provider successor, string predecessorId) =>
        await tracking.RecordRestructureAsync(new RecordRestructureRequest
        {
            RequestId = Guid.NewGuid().ToString(), ProviderId = successor.ProviderId, ExpectedVersion = successor.Version, EffectiveOn = "2021-06-26", RecordedBy = By,
            Predecessors = { new PredecessorPart { ProviderId = predecessorId, Note = "all of it" } },
        });
}
