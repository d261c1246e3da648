using Inspection.Domain;
using Grpc.Core;
using Inspection.Recommendations.Changes;
using Inspection.Recommendations.Data;
using Inspection.Recommendations.Domain;
using Inspection.Recommendations.V1;

namespace Inspection.Recommendations.Services;

/// <summary>
/// The gRPC face of recommendation tracking: maps messages to the domain core's commands and the store, and
/// announces published inspections and recorded judgements on the change feed. Domain exceptions become statuses
/// in the gRPC layer.
/// </summary>
public sealed class RecommendationTrackingService(
    RecommendationStore store, FrameworkCatalogue frameworks, ChangeFeed changes, TimeProvider time,
    PublicationReadiness readiness)
    : RecommendationTracking.RecommendationTrackingBase
{
    // ---------------- Providers ----------------

    public override async Task<V1.Provider> CreateProvider(CreateProviderRequest request, ServerCallContext context)
    {
        var requestId = RequestId(request.RequestId);
        var provider = NewProvider.Create(request.Name, request.Type, request.Region, request.ActiveFrom, request.ActiveTo, request.CreatedBy);
        return (await store.CreateProviderAsync(requestId, provider, context.CancellationToken)).Value.ToMessage();
    }

    public override async Task<V1.Provider> GetProvider(GetProviderRequest request, ServerCallContext context) =>
        (await store.GetProviderAsync(Id(request.ProviderId, "provider_id"), context.CancellationToken)).ToMessage();

    public override async Task<ListProvidersResponse> ListProviders(ListProvidersRequest request, ServerCallContext context)
    {
        var query = ProviderQuery.Create(request.Type, request.Region, request.NameContains, request.ActiveOn, request.PageSize, request.PageToken);
        var page = await store.ListProvidersAsync(query, context.CancellationToken);
        var response = new ListProvidersResponse { NextPageToken = page.NextPageToken };
        response.Providers.AddRange(page.Items.Select(p => p.ToMessage()));
        return response;
    }

    public override async Task<Lineage> RecordRestructure(RecordRestructureRequest request, ServerCallContext context)
    {
        var requestId = RequestId(request.RequestId);
        var expectedVersion = ExpectedVersion(request.ExpectedVersion);
        var restructure = NewRestructure.Create(
            request.ProviderId, request.EffectiveOn, request.Predecessors.Select(p => ((string?)p.ProviderId, (string?)p.Note)).ToList(), request.Note, request.RecordedBy);
        return (await store.RecordRestructureAsync(requestId, restructure, expectedVersion, context.CancellationToken)).Value.ToMessage();
    }

    public override async Task<Lineage> GetLineage(GetLineageRequest request, ServerCallContext context) =>
        (await store.GetLineageAsync(Id(request.ProviderId, "provider_id"), context.CancellationToken)).ToMessage();

    // ---------------- Inspections ----------------

    public override async Task<V1.Inspection> CreateInspection(CreateInspectionRequest request, ServerCallContext context)
    {
        var requestId = RequestId(request.RequestId);
        var inspection = NewInspection.Create(
            request.ProviderId, request.FrameworkId, request.FieldworkStart, request.FieldworkEnd, request.LeadInspector, request.CreatedBy, frameworks);
        return (await store.CreateInspectionAsync(requestId, inspection, context.CancellationToken)).Value.ToMessage();
    }

    public override async Task<V1.Inspection> GetInspection(GetInspectionRequest request, ServerCallContext context) =>
        (await store.GetInspectionAsync(Id(request.InspectionId, "inspection_id"), context.CancellationToken)).ToMessage();

    public override async Task<ListInspectionsResponse> ListInspections(ListInspectionsRequest request, ServerCallContext context)
    {
        var today = Today;
        var query = InspectionQuery.Create(
            request.ProviderId, request.IncludePredecessors, request.Status, request.FrameworkId, request.FromDate, request.ToDate, request.PageSize, request.PageToken,
            request.ImprovementPlanOverdueOnly, request.AsOf, request.NewestFirst, today);
        var page = await store.ListInspectionsAsync(query, context.CancellationToken);
        var response = new ListInspectionsResponse { NextPageToken = page.NextPageToken, Total = page.Total };
        response.Inspections.AddRange(page.Items.Select(i => i.ToMessage(today)));
        return response;
    }

    public override async Task<V1.Inspection> PublishInspection(PublishInspectionRequest request, ServerCallContext context)
    {
        var requestId = RequestId(request.RequestId);
        var expectedVersion = ExpectedVersion(request.ExpectedVersion);
        var publication = InspectionPublication.Create(request.InspectionId, request.PublishedOn, request.PublishedBy);
        // The guard (issue 14): an unfinished inspection is not published. An inspection already published, or read at
        // another version, goes straight to the store, which replays a retried request, refuses publishing twice or
        // refuses the stale version (ABORTED).
        var current = await store.GetInspectionAsync(publication.InspectionId, context.CancellationToken);
        if (!current.IsPublished && current.Version == expectedVersion)
        {
            var blockers = await readiness.BlockersAsync(current.Id, context.CancellationToken);
            if (blockers.Count > 0)
                throw new PreconditionFailedException(
                    $"Inspection {Identifier.Format(current.Id)} cannot be published yet: {string.Join("; ", blockers)}.");
            // Issue 19: the figures are stored before the inspection is marked published, so a published inspection
            // always has them; a publication that fails after this leaves them pending, replaced by the next attempt.
            await readiness.RecordFiguresAsync(current.Id, publication.PublishedOn, publication.PublishedBy,
                context.RequestHeaders.GetValue("authorization"), context.CancellationToken);
        }
        var written = await store.PublishInspectionAsync(requestId, publication, expectedVersion, context.CancellationToken);
        var inspection = written.Value;
        if (!written.Replayed)
            changes.Publish((sequence, at) => new RecommendationChange(
                sequence, ChangeType.InspectionPublished, at, inspection.Id, inspection.ProviderId, null, null, string.Empty,
                inspection.PublishedOn, inspection.ImprovementPlanDue, inspection.PublishedBy));
        return inspection.ToMessage();
    }

    public override async Task<V1.Inspection> RecordImprovementPlanReceipt(RecordImprovementPlanReceiptRequest request, ServerCallContext context)
    {
        var requestId = RequestId(request.RequestId);
        var expectedVersion = ExpectedVersion(request.ExpectedVersion);
        var receipt = ImprovementPlanReceipt.Create(request.InspectionId, request.ReceivedOn, request.RecordedBy);
        var today = Today;
        return (await store.RecordImprovementPlanReceiptAsync(requestId, receipt, expectedVersion, today, context.CancellationToken)).Value.ToMessage(today);
    }

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    // ---------------- Recommendations ----------------

    public override async Task<AddRecommendationsResponse> AddRecommendations(AddRecommendationsRequest request, ServerCallContext context)
    {
        var requestId = RequestId(request.RequestId);
        var expectedVersion = ExpectedVersion(request.ExpectedVersion);
        var batch = NewRecommendations.Create(
            request.InspectionId,
            request.Recommendations.Select(r => ((string?)r.AddresseeGroup, (string?)r.AddresseeProviderId, (string?)r.Text)).ToList(),
            request.RecordedBy,
            request.CorrectionReason);
        var added = (await store.AddRecommendationsAsync(requestId, batch, expectedVersion, context.CancellationToken)).Value;
        var scale = frameworks.ProgressScaleFor(added.Inspection.FrameworkId);
        var response = new AddRecommendationsResponse { Inspection = added.Inspection.ToMessage() };
        response.Recommendations.AddRange(added.Recommendations.Select(r => r.ToMessage(scale, withHistory: false)));
        return response;
    }

    public override async Task<ListRecommendationsResponse> ListRecommendations(ListRecommendationsRequest request, ServerCallContext context)
    {
        var scale = frameworks.CombinedProgressScale();
        var query = RecommendationQuery.Create(
            request.ProviderId, request.IncludePredecessors, request.AddresseeGroup, request.InspectionId, request.LatestJudgement,
            request.OverdueOnly, request.AsOf, request.TextContains, request.PageSize, request.PageToken, scale, Today, request.Region, request.NewestFirst);
        var page = await store.ListRecommendationsAsync(query, context.CancellationToken);
        var response = new ListRecommendationsResponse { NextPageToken = page.NextPageToken, Total = page.Total };
        response.Recommendations.AddRange(page.Items.Select(r => r.ToMessage(scale, withHistory: false, Today)));
        return response;
    }

    public override async Task<V1.Recommendation> GetRecommendation(GetRecommendationRequest request, ServerCallContext context) =>
        (await store.GetRecommendationAsync(Id(request.RecommendationId, "recommendation_id"), context.CancellationToken))
            .ToMessage(frameworks.CombinedProgressScale(), withHistory: true);

    // ---------------- Progress ----------------

    public override async Task<ListDueForJudgementResponse> ListDueForJudgement(ListDueForJudgementRequest request, ServerCallContext context) =>
        (await store.ListDueForJudgementAsync(Id(request.InspectionId, "inspection_id"), context.CancellationToken)).ToMessage();

    public override async Task<RecordProgressJudgementResponse> RecordProgressJudgement(RecordProgressJudgementRequest request, ServerCallContext context)
    {
        var requestId = RequestId(request.RequestId);
        var expectedVersion = ExpectedVersion(request.ExpectedVersion);
        var judgement = NewProgressJudgement.Create(
            request.RecommendationId, request.InspectionId, request.Judgement, request.Findings, request.RepeatedFromPreviousInspection, request.RecordedBy,
            request.CorrectionReason);
        var written = await store.RecordProgressJudgementAsync(requestId, judgement, expectedVersion, context.CancellationToken);
        var recorded = written.Value;
        if (!written.Replayed)
            changes.Publish((sequence, at) => new RecommendationChange(
                sequence, ChangeType.ProgressJudgementRecorded, at, recorded.Inspection.Id, recorded.Inspection.ProviderId,
                recorded.Judgement.RecommendationId, recorded.Judgement.Id, recorded.Judgement.Judgement, null, null, recorded.Judgement.RecordedBy));
        return new RecordProgressJudgementResponse
        {
            Judgement = recorded.Judgement.ToMessage(),
            Recommendation = recorded.Recommendation.ToMessage(frameworks.ProgressScaleFor(recorded.Inspection.FrameworkId), withHistory: true),
        };
    }

    public override async Task<GetProgressSummaryResponse> GetProgressSummary(GetProgressSummaryRequest request, ServerCallContext context)
    {
        var query = ProgressSummaryQuery.Create(request.InspectionId, request.ProviderId, request.GroupBy);
        return (await store.GetProgressSummaryAsync(query, context.CancellationToken)).ToMessage();
    }

    // ---------------- Changes ----------------

    public override async Task WatchChanges(WatchChangesRequest request, IServerStreamWriter<ChangeEvent> responseStream, ServerCallContext context)
    {
        var violations = new List<FieldViolation>();
        var provider = Identifier.ParseOptional(request.ProviderId, "provider_id", violations);
        var inspection = Identifier.ParseOptional(request.InspectionId, "inspection_id", violations);
        // Checked before the items: half a million tiny ones fit in one message (found by fuzzing).
        if (request.Types_.Count > ChangeType.Watchable.Count * 4)
            throw new ValidationException("types", $"lists {request.Types_.Count} items; at most {ChangeType.Watchable.Count * 4}");
        for (var i = 0; i < request.Types_.Count; i++)
            if (!ChangeType.Watchable.Contains(request.Types_[i]))
                violations.Add(new FieldViolation($"types[{i}]", $"'{request.Types_[i]}' is not a change type: one of {string.Join(", ", ChangeType.Watchable)}"));
        ValidationException.ThrowIfAny(violations);

        using var subscription = changes.Subscribe();
        var ct = context.CancellationToken;
        await responseStream.WriteAsync(new ChangeEvent
        {
            Sequence = subscription.StartSequence,
            Type = ChangeType.Subscribed,
            OccurredAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(time.GetUtcNow()),
        }, ct);
        try
        {
            await foreach (var change in subscription.Changes.ReadAllAsync(ct))
            {
                if (provider is { } p && change.ProviderId != p) continue;
                if (inspection is { } i && change.InspectionId != i) continue;
                if (request.Types_.Count > 0 && !request.Types_.Contains(change.Type)) continue;
                await responseStream.WriteAsync(change.ToMessage(), ct);
            }
        }
        catch (WatcherFellBehindException behind)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, behind.Message));
        }
    }

    private static string RequestId(string requestId)
    {
        var violations = new List<FieldViolation>();
        var valid = RequestText.RequestId(requestId, violations);
        ValidationException.ThrowIfAny(violations);
        return valid;
    }

    private static long ExpectedVersion(long expectedVersion)
    {
        var violations = new List<FieldViolation>();
        RequestText.ExpectedVersion(expectedVersion, violations);
        ValidationException.ThrowIfAny(violations);
        return expectedVersion;
    }

    private static Guid Id(string id, string field)
    {
        var violations = new List<FieldViolation>();
        var valid = Identifier.ParseRequired(id, field, violations);
        ValidationException.ThrowIfAny(violations);
        return valid;
    }
}
