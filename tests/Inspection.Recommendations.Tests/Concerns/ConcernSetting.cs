using Inspection.Recommendations.Tests.Plans;
using Inspection.Recommendations.V1;

namespace Inspection.Recommendations.Tests.Concerns;

/// <summary>Providers whose records meet a cause-for-concern rule, made over the contracts as staff.</summary>
public sealed class ConcernSetting(RecommendationTracking.RecommendationTrackingClient tracking, RecommendationPlans.RecommendationPlansClient plans)
{
    public const string By = "concern-tests";
    private readonly PlanSetting _setting = new(tracking);

    public Task<V1.Provider> ProviderAsync() => _setting.ProviderAsync();

    /// <summary>
    /// A recommendation made in 2024, linked to Planning and judged No progress at the provider's inspections of 5 May
    /// 2025 and 1 June 2026: what the repeated-no-progress rule is met by. The second judgement is the write that meets it.
    /// </summary>
    public async Task<(string RecommendationId, string First, string Second)> NoProgressTwiceAsync(V1.Provider provider)
    {
        var made = await _setting.PublishedAsync(provider.ProviderId, count: 1);
        var recommendation = made.Recommendations[0];
        await tracking.SetRecommendationLinksAsync(new SetRecommendationLinksRequest
        {
            RequestId = Guid.NewGuid().ToString(), RecommendationId = recommendation.RecommendationId, StandardIds = { "P2.2" }, RecordedBy = By,
        });
        var first = await InspectionAsync(provider, "2025-05-05");
        await JudgeAsync(recommendation.RecommendationId, first.InspectionId, "No progress");
        var second = await InspectionAsync(provider, "2026-06-01");
        await JudgeAsync(recommendation.RecommendationId, second.InspectionId, "No progress");
        return (recommendation.RecommendationId, first.InspectionId, second.InspectionId);
    }

    public async Task<RecordProgressJudgementResponse> JudgeAsync(string recommendationId, string inspectionId, string judgement)
    {
        var current = await tracking.GetRecommendationAsync(new GetRecommendationRequest { RecommendationId = recommendationId });
        return await tracking.RecordProgressJudgementAsync(new RecordProgressJudgementRequest
        {
            RequestId = Guid.NewGuid().ToString(), RecommendationId = recommendationId, InspectionId = inspectionId, ExpectedVersion = current.Version,
            Judgement = judgement, Findings = "little has changed", RecordedBy = By,
        });
    }

    /// <summary>A priority recommendation to a new provider that its addressee answered Not agreed on 30 June 2025.</summary>
    public async Task<(V1.Provider Provider, string RecommendationId)> PriorityNotAgreedAsync()
    {
        var provider = await ProviderAsync();
        var made = await _setting.PublishedAsync(provider.ProviderId, count: 1, priority: true);
        await plans.RecordResponseAsync(new RecordResponseRequest
        {
            RequestId = Guid.NewGuid().ToString(), RecommendationId = made.Recommendations[0].RecommendationId, ExpectedVersion = 1, Response = "Not agreed",
            Reason = "the funding is not ours to give", RespondedOn = "2025-06-30", RecordedBy = By,
        });
        return (provider, made.Recommendations[0].RecommendationId);
    }

    private async Task<V1.Inspection> InspectionAsync(V1.Provider provider, string fieldworkStart) =>
        await tracking.CreateInspectionAsync(new CreateInspectionRequest
        {
            RequestId = Guid.NewGuid().ToString(), ProviderId = provider.ProviderId, FrameworkId = "pdu-2024", FieldworkStart = fieldworkStart, CreatedBy = By,
        });
}
