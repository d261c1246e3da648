namespace Inspection.Recommendations.Tests.Tracking;

/// <summary>
/// Recommendation tracking as the proof tests drive it, so the same tests run against the store directly and over
/// gRPC against the real host. Refusals surface as <see cref="Refusal"/> with the gRPC status the caller would see.
/// </summary>
public interface ITrackingDriver
{
    Task<ProviderRef> CreateProviderAsync(string requestId, string name, string type, string region);
    Task<ProviderRef> GetProviderAsync(string providerId);
    Task<LineageRef> RecordRestructureAsync(string requestId, string providerId, long expectedVersion, string effectiveOn, IReadOnlyList<string> predecessorIds);
    Task<LineageRef> GetLineageAsync(string providerId);

    Task<InspectionRef> CreateInspectionAsync(string requestId, string providerId, string frameworkId, string fieldworkStart);
    Task<InspectionRef> GetInspectionAsync(string inspectionId);
    Task<InspectionRef> PublishAsync(string requestId, string inspectionId, long expectedVersion, string publishedOn);
    /// <summary>Records an inspection published before the system (the scenario's history): as the demo data does,
    /// straight into the register, without the publication guard a new inspection meets.</summary>
    Task<InspectionRef> PublishHistoryAsync(string requestId, string inspectionId, long expectedVersion, string publishedOn);

    Task<IReadOnlyList<RecommendationRef>> AddRecommendationsAsync(string requestId, string inspectionId, long expectedVersion, IReadOnlyList<NewItem> items);
    Task<RecommendationRef> GetRecommendationAsync(string recommendationId);
    Task<IReadOnlyList<RecommendationRef>> ListRecommendationsAsync(string providerId, bool includePredecessors, string latestJudgement);

    Task<IReadOnlyList<DueRef>> ListDueAsync(string inspectionId);
    Task<JudgementRef> JudgeAsync(string requestId, string recommendationId, string inspectionId, long expectedVersion, string judgement, bool repeated);
    Task<SummaryRef> SummaryAsync(string inspectionId, string providerId, string groupBy);
}

public sealed record ProviderRef(string Id, string Name, string Type, long Version);

public sealed record LineageRef(string ProviderId, IReadOnlyList<string> AncestorIds, IReadOnlyList<string> SuccessorIds);

public sealed record InspectionRef(string Id, string ProviderId, string FrameworkId, string Status, long Version, string PublishedOn, string ImprovementPlanDue, int RecommendationCount);

public sealed record NewItem(string Group, string AddresseeId, string Text);

public sealed record RecommendationRef(string Id, string InspectionId, int Number, string Group, string AddresseeId, string Text, long Version, bool Open, string LatestJudgement, IReadOnlyList<string> History);

public sealed record DueRef(RecommendationRef Recommendation, string PreviousJudgement, string JudgementHere, string ReachedThrough);

public sealed record JudgementRef(string Id, string RecommendationId, string Judgement, bool Repeated, int Revision, long RecommendationVersion);

public sealed record SummaryRef(IReadOnlyList<string> Scale, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Rows, IReadOnlyDictionary<string, int> Total);
