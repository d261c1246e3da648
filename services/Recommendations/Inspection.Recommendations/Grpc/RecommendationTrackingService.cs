using Grpc.Core;
using Inspection.Contracts.Vocabularies;

using Inspection.Recommendations.V1;

namespace Inspection.Recommendations.Grpc;

/// <summary>
/// The gRPC face of recommendation tracking, thin: each RPC reads its message into the domain's command, calls its use
/// case and maps the answer back (RecommendationMessages). Domain exceptions become statuses in GrpcErrorInterceptor.
/// Words are read under the product's one word rule (WireWords): an alias becomes the canonical word here, and any
/// other text is left for the domain's own check to refuse naming the field and the allowed words.
/// </summary>
public sealed class RecommendationTrackingService(
    ProviderRegister register, InspectionCalendar calendar, RecommendationRecords records, ProgressJudgements progress,
    FrameworkCatalogue frameworks, ChangeFeed changes, TimeProvider clock, RecommendationLinking linking)
    : RecommendationTracking.RecommendationTrackingBase
{
    // ---------------- Providers ----------------

    public override async Task<V1.Provider> CreateProvider(CreateProviderRequest request, ServerCallContext context)
    {
        var requestId = RequestKeys.Id(request.RequestId);
        var provider = NewProvider.Create(request.Name, WireWords.ProviderTypes.Normalise(request.Type), request.Region, request.ActiveFrom, request.ActiveTo, request.CreatedBy,
            EnglandCalendar.Today(clock));
        return (await register.CreateAsync(requestId, provider, context.CancellationToken)).Value.ToMessage();
    }

    public override async Task<V1.Provider> GetProvider(GetProviderRequest request, ServerCallContext context) =>
        (await register.GetAsync(Id(request.ProviderId, "provider_id"), context.CancellationToken)).ToMessage();

    public override async Task<ListProvidersResponse> ListProviders(ListProvidersRequest request, ServerCallContext context)
    {
        var query = ProviderQuery.Create(WireWords.ProviderTypes.Normalise(request.Type), request.Region, request.NameContains, request.ActiveOn, request.PageSize, request.PageToken,
            request.IncludeRetired, request.RetiredOnly);
        return (await register.ListAsync(query, context.CancellationToken)).ToMessage();
    }

    public override async Task<Lineage> RecordRestructure(RecordRestructureRequest request, ServerCallContext context)
    {
        var requestId = RequestKeys.Id(request.RequestId);
        var expectedVersion = ExpectedVersion(request.ExpectedVersion);
        var restructure = NewRestructure.Create(
            request.ProviderId, request.EffectiveOn, request.Predecessors.Select(p => ((string?)p.ProviderId, (string?)p.Note)).ToList(), request.Note, request.RecordedBy);
        return (await register.RecordRestructureAsync(requestId, restructure, expectedVersion, context.CancellationToken)).Value.ToMessage();
    }

    public override async Task<Lineage> GetLineage(GetLineageRequest request, ServerCallContext context) =>
        (await register.GetLineageAsync(Id(request.ProviderId, "provider_id"), context.CancellationToken)).ToMessage();

    public override async Task<V1.Provider> UpdateProvider(UpdateProviderRequest request, ServerCallContext context)
    {
        var requestId = RequestKeys.Id(request.RequestId);
        var expectedVersion = ExpectedVersion(request.ExpectedVersion);
        var change = ProviderChange.Create(
            request.ProviderId, request.Name, request.Region, request.ActiveFrom, request.ActiveTo, request.UpdatedBy, EnglandCalendar.Today(clock));
        return (await register.UpdateAsync(requestId, change, expectedVersion, context.CancellationToken)).Value.ToMessage();
    }

    public override async Task<V1.Provider> RetireProvider(RetireProviderRequest request, ServerCallContext context)
    {
        var requestId = RequestKeys.Id(request.RequestId);
        var expectedVersion = ExpectedVersion(request.ExpectedVersion);
        var retirement = ProviderRetirement.Create(request.ProviderId, request.Reason, request.RetiredBy);
        return (await register.RetireAsync(requestId, retirement, expectedVersion, context.CancellationToken)).Value.ToMessage();
    }

    // ---------------- Inspections ----------------

    public override async Task<V1.Inspection> CreateInspection(CreateInspectionRequest request, ServerCallContext context)
    {
        var requestId = RequestKeys.Id(request.RequestId);
        var inspection = NewInspection.Create(
            request.ProviderId, request.FrameworkId, request.FieldworkStart, request.FieldworkEnd, request.LeadInspector, request.CreatedBy, frameworks);
        return (await calendar.CreateAsync(requestId, inspection, context.CancellationToken)).Value.ToMessage(Today.From(clock));
    }

    public override async Task<V1.Inspection> GetInspection(GetInspectionRequest request, ServerCallContext context) =>
        (await calendar.GetAsync(Id(request.InspectionId, "inspection_id"), context.CancellationToken)).ToMessage(Today.From(clock));

    public override async Task<ListInspectionsResponse> ListInspections(ListInspectionsRequest request, ServerCallContext context)
    {
        var today = Today.From(clock);
        var query = InspectionQuery.Create(
            request.ProviderId, request.IncludePredecessors, WireWords.InspectionStatuses.Normalise(request.Status), request.FrameworkId, request.FromDate, request.ToDate, request.PageSize, request.PageToken,
            today, request.ImprovementPlanOverdueOnly, request.AsOf, request.NewestFirst);
        return (await calendar.ListAsync(query, context.CancellationToken)).ToMessage(today);
    }

    public override async Task<V1.Inspection> PublishInspection(PublishInspectionRequest request, ServerCallContext context)
    {
        var requestId = RequestKeys.Id(request.RequestId);
        var expectedVersion = ExpectedVersion(request.ExpectedVersion);
        var publication = InspectionPublication.Create(request.InspectionId, request.PublishedOn, request.PublishedBy);
        var written = await calendar.PublishAsync(
            requestId, publication, expectedVersion, context.RequestHeaders.GetValue("authorization"), context.CancellationToken);
        return written.Value.ToMessage(Today.From(clock));
    }

    public override async Task<V1.Inspection> RecordImprovementPlanReceipt(RecordImprovementPlanReceiptRequest request, ServerCallContext context)
    {
        var requestId = RequestKeys.Id(request.RequestId);
        var expectedVersion = ExpectedVersion(request.ExpectedVersion);
        var receipt = ImprovementPlanReceipt.Create(request.InspectionId, request.ReceivedOn, request.RecordedBy);
        return (await calendar.RecordImprovementPlanReceiptAsync(requestId, receipt, expectedVersion, context.CancellationToken)).Value.ToMessage(Today.From(clock));
    }

    public override async Task<V1.Inspection> CorrectPublishedInspection(CorrectPublishedInspectionRequest request, ServerCallContext context)
    {
        var requestId = RequestKeys.Id(request.RequestId);
        var expectedVersion = ExpectedVersion(request.ExpectedVersion);
        var correction = PublishedFactsCorrection.Create(
            request.InspectionId, request.PublishedOn, request.FieldworkStart, request.FieldworkEnd, request.CorrectionReason, request.CorrectedBy);
        return (await calendar.CorrectPublishedAsync(requestId, correction, expectedVersion, context.CancellationToken)).Value.ToMessage(Today.From(clock));
    }

    // ---------------- Recommendations ----------------

    public override async Task<AddRecommendationsResponse> AddRecommendations(AddRecommendationsRequest request, ServerCallContext context)
    {
        var requestId = RequestKeys.Id(request.RequestId);
        var expectedVersion = ExpectedVersion(request.ExpectedVersion);
        var batch = NewRecommendations.Create(
            request.InspectionId,
            request.Recommendations.Select(r => (WireWords.AddresseeGroups.Normalise(r.AddresseeGroup), (string?)r.AddresseeProviderId, (string?)r.Text)).ToList(),
            request.RecordedBy,
            request.CorrectionReason,
            request.Recommendations.Select(r => r.Priority).ToList());
        var added = (await records.AddAsync(requestId, batch, expectedVersion, context.CancellationToken)).Value;
        return added.ToMessage(frameworks.ProgressScaleFor(added.Inspection.FrameworkId), Today.From(clock));
    }

    public override async Task<ListRecommendationsResponse> ListRecommendations(ListRecommendationsRequest request, ServerCallContext context)
    {
        var today = Today.From(clock);
        var scale = frameworks.CombinedProgressScale();
        var query = RecommendationQuery.Create(
            request.ProviderId, request.IncludePredecessors, WireWords.AddresseeGroups.Normalise(request.AddresseeGroup), request.InspectionId,
            WireWords.LatestJudgements.Normalise(request.LatestJudgement),
            request.OverdueOnly, request.AsOf, request.TextContains, request.PageSize, request.PageToken, scale, today, request.Region, request.NewestFirst);
        return (await records.ListAsync(query, context.CancellationToken)).ToMessage(scale, today);
    }

    public override async Task<V1.Recommendation> GetRecommendation(GetRecommendationRequest request, ServerCallContext context) =>
        (await records.GetAsync(Id(request.RecommendationId, "recommendation_id"), context.CancellationToken))
            .ToMessage(frameworks.CombinedProgressScale(), withHistory: true, Today.From(clock));

    // ---------------- Progress ----------------

    public override async Task<ListDueForJudgementResponse> ListDueForJudgement(ListDueForJudgementRequest request, ServerCallContext context) =>
        (await progress.ListDueAsync(Id(request.InspectionId, "inspection_id"), context.CancellationToken)).ToMessage(Today.From(clock));

    public override async Task<RecordProgressJudgementResponse> RecordProgressJudgement(RecordProgressJudgementRequest request, ServerCallContext context)
    {
        var requestId = RequestKeys.Id(request.RequestId);
        var expectedVersion = ExpectedVersion(request.ExpectedVersion);
        var judgement = NewProgressJudgement.Create(
            request.RecommendationId, request.InspectionId, WireWords.ProgressWords.Normalise(request.Judgement), request.Findings, request.RepeatedFromPreviousInspection, request.RecordedBy,
            request.CorrectionReason);
        var recorded = (await progress.RecordAsync(requestId, judgement, expectedVersion, context.CancellationToken)).Value;
        return recorded.ToMessage(frameworks.ProgressScaleFor(recorded.Inspection.FrameworkId), Today.From(clock));
    }

    public override async Task<GetProgressSummaryResponse> GetProgressSummary(GetProgressSummaryRequest request, ServerCallContext context)
    {
        var query = ProgressSummaryQuery.Create(request.InspectionId, request.ProviderId, WireWords.ProgressGroupings.Normalise(request.GroupBy));
        return (await progress.SummaryAsync(query, context.CancellationToken)).ToMessage();
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
        var types = request.Types_.Select(WireWords.ChangeEventTypes.Normalise).ToList();
        for (var i = 0; i < types.Count; i++)
            if (!ChangeType.Watchable.Contains(types[i]))
                violations.Add(new FieldViolation($"types[{i}]", $"'{types[i]}' is not a change type: one of {string.Join(", ", ChangeType.Watchable)}"));
        ValidationException.ThrowIfAny(violations);

        var ct = context.CancellationToken;
        var cursor = await changes.StartAsync(request.HasAfterSequence ? request.AfterSequence : null, ct);
        await responseStream.WriteAsync(new ChangeEvent
        {
            Sequence = cursor,
            Type = ChangeType.Subscribed,
            OccurredAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(clock.GetUtcNow()),
        }, ct);
        await foreach (var change in changes.FollowAsync(cursor, ct))
        {
            if (provider is { } p && change.ProviderId != p) continue;
            if (inspection is { } i && change.InspectionId != i) continue;
            if (types.Count > 0 && !types.Contains(change.Type)) continue;
            await responseStream.WriteAsync(change.ToMessage(), ct);
        }
    }

    // ---------------- Links (issue 23) ----------------

    public override async Task<RecommendationLinks> SetRecommendationLinks(SetRecommendationLinksRequest request, ServerCallContext context) =>
        (await linking.SetAsync(RequestKeys.Id(request.RequestId), request.ToCommand(), context.CancellationToken)).Value.ToMessage();

    public override async Task<RecommendationLinks> GetRecommendationLinks(GetRecommendationLinksRequest request, ServerCallContext context) =>
        (await linking.GetAsync(Id(request.RecommendationId, "recommendation_id"), context.CancellationToken)).ToMessage();

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
