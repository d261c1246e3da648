using Grpc.Core;
using Inspection.Recommendations.V1;

namespace Inspection.Recommendations.Tests.Tracking;

/// <summary>Drives the real host over gRPC (HTTP/2 on loopback sockets) with the generated client. History (inspections
/// published before the system) goes into the host's own store, as its demo data loads the reference inspections.</summary>
public sealed class GrpcDriver(RecommendationTracking.RecommendationTrackingClient client, Inspection.Recommendations.Application.InspectionCalendar history) : ITrackingDriver
{
    public async Task<InspectionRef> PublishHistoryAsync(string requestId, string inspectionId, long expectedVersion, string publishedOn)
    {
        await history.RecordEarlierPublicationAsync(requestId, Inspection.Recommendations.Domain.Inspections.InspectionPublication.Create(inspectionId, publishedOn, By), expectedVersion, default);
        return await GetInspectionAsync(inspectionId);
    }

    private const string By = "grpc-test";

    public Task<ProviderRef> CreateProviderAsync(string requestId, string name, string type, string region) => Run(async () =>
        Map(await client.CreateProviderAsync(new CreateProviderRequest { RequestId = requestId, Name = name, Type = type, Region = region, CreatedBy = By })));

    public Task<ProviderRef> GetProviderAsync(string providerId) => Run(async () =>
        Map(await client.GetProviderAsync(new GetProviderRequest { ProviderId = providerId })));

    public Task<LineageRef> RecordRestructureAsync(string requestId, string providerId, long expectedVersion, string effectiveOn, IReadOnlyList<string> predecessorIds) => Run(async () =>
    {
        var request = new RecordRestructureRequest { RequestId = requestId, ProviderId = providerId, ExpectedVersion = expectedVersion, EffectiveOn = effectiveOn, RecordedBy = By };
        request.Predecessors.AddRange(predecessorIds.Select(p => new PredecessorPart { ProviderId = p }));
        return Map(await client.RecordRestructureAsync(request));
    });

    public Task<LineageRef> GetLineageAsync(string providerId) => Run(async () =>
        Map(await client.GetLineageAsync(new GetLineageRequest { ProviderId = providerId })));

    public Task<InspectionRef> CreateInspectionAsync(string requestId, string providerId, string frameworkId, string fieldworkStart) => Run(async () =>
        Map(await client.CreateInspectionAsync(new CreateInspectionRequest
        {
            RequestId = requestId, ProviderId = providerId, FrameworkId = frameworkId, FieldworkStart = fieldworkStart, CreatedBy = By,
        })));

    public Task<InspectionRef> GetInspectionAsync(string inspectionId) => Run(async () =>
        Map(await client.GetInspectionAsync(new GetInspectionRequest { InspectionId = inspectionId })));

    public Task<InspectionRef> PublishAsync(string requestId, string inspectionId, long expectedVersion, string publishedOn) => Run(async () =>
        Map(await client.PublishInspectionAsync(new PublishInspectionRequest
        {
            RequestId = requestId, InspectionId = inspectionId, ExpectedVersion = expectedVersion, PublishedOn = publishedOn, PublishedBy = By,
        })));

    public Task<IReadOnlyList<RecommendationRef>> AddRecommendationsAsync(string requestId, string inspectionId, long expectedVersion, IReadOnlyList<NewItem> items) => Run(async () =>
    {
        var request = new AddRecommendationsRequest { RequestId = requestId, InspectionId = inspectionId, ExpectedVersion = expectedVersion, RecordedBy = By };
        request.Recommendations.AddRange(items.Select(i => new NewRecommendation { AddresseeGroup = i.Group, AddresseeProviderId = i.AddresseeId, Text = i.Text }));
        return (IReadOnlyList<RecommendationRef>)(await client.AddRecommendationsAsync(request)).Recommendations.Select(Map).ToList();
    });

    public Task<RecommendationRef> GetRecommendationAsync(string recommendationId) => Run(async () =>
        Map(await client.GetRecommendationAsync(new GetRecommendationRequest { RecommendationId = recommendationId })));

    public Task<IReadOnlyList<RecommendationRef>> ListRecommendationsAsync(string providerId, bool includePredecessors, string latestJudgement) => Run(async () =>
        (IReadOnlyList<RecommendationRef>)(await client.ListRecommendationsAsync(new ListRecommendationsRequest
        {
            ProviderId = providerId, IncludePredecessors = includePredecessors, LatestJudgement = latestJudgement,
        })).Recommendations.Select(Map).ToList());

    public Task<IReadOnlyList<DueRef>> ListDueAsync(string inspectionId) => Run(async () =>
        (IReadOnlyList<DueRef>)(await client.ListDueForJudgementAsync(new ListDueForJudgementRequest { InspectionId = inspectionId })).Recommendations
            .Select(d => new DueRef(Map(d.Recommendation), d.PreviousJudgement?.Judgement ?? "", d.JudgementAtThisInspection?.Judgement ?? "", d.ReachedThrough))
            .ToList());

    public Task<JudgementRef> JudgeAsync(string requestId, string recommendationId, string inspectionId, long expectedVersion, string judgement, bool repeated) => Run(async () =>
    {
        var response = await client.RecordProgressJudgementAsync(new RecordProgressJudgementRequest
        {
            RequestId = requestId, RecommendationId = recommendationId, InspectionId = inspectionId, ExpectedVersion = expectedVersion,
            Judgement = judgement, RepeatedFromPreviousInspection = repeated, RecordedBy = By,
        });
        return new JudgementRef(response.Judgement.JudgementId, response.Judgement.RecommendationId, response.Judgement.Judgement,
            response.Judgement.RepeatedFromPreviousInspection, response.Judgement.Revision, response.Recommendation.Version);
    });

    public Task<SummaryRef> SummaryAsync(string inspectionId, string providerId, string groupBy) => Run(async () =>
    {
        var summary = await client.GetProgressSummaryAsync(new GetProgressSummaryRequest { InspectionId = inspectionId, ProviderId = providerId, GroupBy = groupBy });
        return new SummaryRef(summary.ProgressScale.ToList(),
            summary.Rows.ToDictionary(r => r.Key, r => (IReadOnlyDictionary<string, int>)r.Counts.ToDictionary(c => c.Judgement, c => c.Count)),
            summary.Total.Counts.ToDictionary(c => c.Judgement, c => c.Count));
    });

    private static ProviderRef Map(V1.Provider p) => new(p.ProviderId, p.Name, p.Type, p.Version);

    private static LineageRef Map(Lineage l) =>
        new(l.Provider.ProviderId, l.Ancestors.Select(a => a.Provider.ProviderId).ToList(), l.Successors.Select(s => s.Provider.ProviderId).ToList());

    private static InspectionRef Map(V1.Inspection i) =>
        new(i.InspectionId, i.ProviderId, i.FrameworkId, i.Status, i.Version, i.PublishedOn, i.ImprovementPlanDue, i.RecommendationCount);

    private static RecommendationRef Map(V1.Recommendation r) =>
        new(r.RecommendationId, r.InspectionId, r.Number, r.AddresseeGroup, r.AddresseeProviderId, r.Text, r.Version, r.Open,
            r.LatestJudgement?.Judgement ?? "", r.History.Select(h => h.Judgement).ToList());

    private static async Task<T> Run<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException e)
        {
            throw new Refusal(e.StatusCode, e.Status.Detail, e.FieldViolations.Select(v => v.Field).ToList());
        }
    }
}
