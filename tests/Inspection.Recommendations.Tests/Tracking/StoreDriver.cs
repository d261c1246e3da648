using Grpc.Core;
using Inspection.Domain;
using Inspection.Domain.Dates;
using Inspection.Recommendations.Application;
using Inspection.Recommendations.Domain;
using Inspection.Recommendations.Domain.Frameworks;
using Inspection.Recommendations.Domain.Inspections;
using Inspection.Recommendations.Domain.Progress;
using Inspection.Recommendations.Domain.Providers;
using Inspection.Recommendations.Domain.Recommendations;

namespace Inspection.Recommendations.Tests.Tracking;

/// <summary>Drives the domain core and the use cases directly (no transport), mapping refusals as the gRPC layer does.</summary>
public sealed class StoreDriver(UseCases store, FrameworkCatalogue frameworks) : ITrackingDriver
{
    private const string By = "store-test";

    public Task<ProviderRef> CreateProviderAsync(string requestId, string name, string type, string region) => Run(async () =>
        Map((await store.Register.CreateAsync(requestId, NewProvider.Create(name, type, region, null, null, By), default)).Value));

    public Task<ProviderRef> GetProviderAsync(string providerId) => Run(async () => Map(await store.Register.GetAsync(Guid.Parse(providerId), default)));

    public Task<LineageRef> RecordRestructureAsync(string requestId, string providerId, long expectedVersion, string effectiveOn, IReadOnlyList<string> predecessorIds) => Run(async () =>
        Map((await store.Register.RecordRestructureAsync(requestId,
            NewRestructure.Create(providerId, effectiveOn, predecessorIds.Select(p => ((string?)p, (string?)"")).ToList(), "", By), expectedVersion, default)).Value));

    public Task<LineageRef> GetLineageAsync(string providerId) => Run(async () => Map(await store.Register.GetLineageAsync(Guid.Parse(providerId), default)));

    public Task<InspectionRef> CreateInspectionAsync(string requestId, string providerId, string frameworkId, string fieldworkStart) => Run(async () =>
        Map((await store.Calendar.CreateAsync(requestId, NewInspection.Create(providerId, frameworkId, fieldworkStart, null, null, By, frameworks), default)).Value));

    public Task<InspectionRef> GetInspectionAsync(string inspectionId) => Run(async () => Map(await store.Calendar.GetAsync(Guid.Parse(inspectionId), default)));

    public Task<InspectionRef> PublishHistoryAsync(string requestId, string inspectionId, long expectedVersion, string publishedOn) =>
        PublishAsync(requestId, inspectionId, expectedVersion, publishedOn);

    public Task<InspectionRef> PublishAsync(string requestId, string inspectionId, long expectedVersion, string publishedOn) => Run(async () =>
        Map((await store.Calendar.RecordEarlierPublicationAsync(requestId, InspectionPublication.Create(inspectionId, publishedOn, By), expectedVersion, default)).Value));

    public Task<IReadOnlyList<RecommendationRef>> AddRecommendationsAsync(string requestId, string inspectionId, long expectedVersion, IReadOnlyList<NewItem> items) => Run(async () =>
    {
        var batch = NewRecommendations.Create(inspectionId, items.Select(i => ((string?)i.Group, (string?)i.AddresseeId, (string?)i.Text)).ToList(), By);
        var added = await store.Records.AddAsync(requestId, batch, expectedVersion, default);
        return (IReadOnlyList<RecommendationRef>)added.Value.Recommendations.Select(Map).ToList();
    });

    public Task<RecommendationRef> GetRecommendationAsync(string recommendationId) => Run(async () =>
        Map(await store.Records.GetAsync(Guid.Parse(recommendationId), default)));

    public Task<IReadOnlyList<RecommendationRef>> ListRecommendationsAsync(string providerId, bool includePredecessors, string latestJudgement) => Run(async () =>
    {
        var query = RecommendationQuery.Create(providerId, includePredecessors, null, null, latestJudgement, false, null, null, 0, null,
            frameworks.CombinedProgressScale(), DateOnly.FromDateTime(DateTime.UtcNow));
        return (IReadOnlyList<RecommendationRef>)(await store.Records.ListAsync(query, default)).Items.Select(Map).ToList();
    });

    public Task<IReadOnlyList<DueRef>> ListDueAsync(string inspectionId) => Run(async () =>
    {
        var due = await store.Progress.ListDueAsync(Guid.Parse(inspectionId), default);
        return (IReadOnlyList<DueRef>)due.Recommendations.Select(d => new DueRef(
            Map(d.Progress), d.PreviousJudgement?.Judgement ?? "", d.JudgementAtThisInspection?.Judgement ?? "",
            d.ReachedThrough == ReachedThrough.Self ? "self" : "predecessor")).ToList();
    });

    public Task<JudgementRef> JudgeAsync(string requestId, string recommendationId, string inspectionId, long expectedVersion, string judgement, bool repeated) => Run(async () =>
    {
        var recorded = (await store.Progress.RecordAsync(requestId,
            NewProgressJudgement.Create(recommendationId, inspectionId, judgement, "", repeated, By), expectedVersion, default)).Value;
        return new JudgementRef(recorded.Judgement.Id.ToString(), recorded.Judgement.RecommendationId.ToString(), recorded.Judgement.Judgement,
            recorded.Judgement.RepeatedFromPreviousInspection, recorded.Judgement.Revision, recorded.Recommendation.Recommendation.Version);
    });

    public Task<SummaryRef> SummaryAsync(string inspectionId, string providerId, string groupBy) => Run(async () =>
    {
        var summary = await store.Progress.SummaryAsync(ProgressSummaryQuery.Create(inspectionId, providerId, groupBy), default);
        return new SummaryRef(summary.Scale,
            summary.Rows.ToDictionary(r => r.Key, r => (IReadOnlyDictionary<string, int>)r.Counts.ToDictionary(c => c.Judgement, c => c.Count)),
            summary.Total.Counts.ToDictionary(c => c.Judgement, c => c.Count));
    });

    private ProviderRef Map(Provider p) => new(p.Id.ToString(), p.Name, p.Type.Word, p.Version);

    private static LineageRef Map(LineageView l) =>
        new(l.Provider.Id.ToString(), l.Ancestors.Select(a => a.Provider.Id.ToString()).ToList(), l.Successors.Select(s => s.Provider.Id.ToString()).ToList());

    private static string Date(DateOnly? date) => date is { } day ? CalendarDate.ToText(day) : "";

    private static InspectionRef Map(ProviderInspection i) =>
        new(i.Id.ToString(), i.ProviderId.ToString(), i.FrameworkId, i.Status.Word, i.Version,
            Date(i.PublishedOn), Date(i.ImprovementPlanDue), i.RecommendationCount);

    private RecommendationRef Map(RecommendationProgress p) =>
        new(p.Recommendation.Id.ToString(), p.Recommendation.InspectionId.ToString(), p.Recommendation.Number, p.Recommendation.AddresseeGroup.Word,
            p.Recommendation.AddresseeProviderId.ToString(), p.Recommendation.Text, p.Recommendation.Version,
            p.IsOpen(frameworks.CombinedProgressScale()), p.Latest?.Judgement ?? "", p.History.Select(h => h.Judgement).ToList());

    /// <summary>The statuses the gRPC layer gives each domain exception, so both drivers refuse alike.</summary>
    private static async Task<T> Run<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ValidationException e) { throw new Refusal(StatusCode.InvalidArgument, e.Message, e.Violations.Select(v => v.Field).ToList()); }
        catch (NotFoundException e) { throw new Refusal(StatusCode.NotFound, e.Message, []); }
        catch (ConcurrencyConflictException e) { throw new Refusal(StatusCode.Aborted, e.Message, []); }
        catch (PreconditionFailedException e) { throw new Refusal(StatusCode.FailedPrecondition, e.Message, []); }
        catch (AlreadyExistsException e) { throw new Refusal(StatusCode.AlreadyExists, e.Message, []); }
    }
}
