namespace Inspection.Recommendations.Application;

/// <summary>
/// An inspection's recommendations: AddRecommendations (numbered by addressee group, continuing from the last one, in
/// the inspection's transaction) and the reads, each recommendation with its progress history.
/// </summary>
public sealed class RecommendationRecords(
    RecommendationStore recommendations, InspectionStore inspections, ProviderStore providers, ProviderRegister register, RequestLedger ledger,
    FrameworkCatalogue frameworks, TimeProvider clock)
{
    /// <summary>The first answer, as the ledger keeps it: {"inspection_id", "request_id"}, the batch being the recommendations that request made.</summary>
    internal sealed record BatchReference(Guid InspectionId, string RequestId);

    public Task<Written<AddedRecommendations>> AddAsync(string? requestId, NewRecommendations batch, long expectedVersion, CancellationToken ct)
    {
        var key = RequestKeys.For(requestId, "AddRecommendations", batch);
        return ledger.OnceAsync(key,
            Written.Answer<AddedRecommendations, BatchReference>(_ => new(batch.InspectionId, key.RequestId),
                async (kept, ct2) => new AddedRecommendations(
                    await inspections.GetAsync(kept.InspectionId, ct2), await recommendations.BatchAsync(kept.InspectionId, kept.RequestId, ct2))),
            async (c, tx) =>
            {
                var inspection = await inspections.GetAsync(c, tx, batch.InspectionId, ct, forUpdate: true);
                RowVersion.Ensure("Inspection", inspection.Id, inspection.Version, expectedVersion);
                var correctionReason = batch.CorrectionReasonAt(inspection);
                var inspected = await providers.GetAsync(c, tx, inspection.ProviderId, ct);
                var addressees = await providers.GetManyAsync(c, tx, batch.Items.Select(i => i.AddresseeProviderId).Distinct().ToList(), ct);
                var last = await recommendations.LastAsync(c, tx, batch.InspectionId, ct);
                Domain.Plans.PriorityCap.Check(frameworks.PlanRuleFor(inspection.FrameworkId), await recommendations.PriorityCountAsync(c, tx, batch.InspectionId, ct), batch.Items);
                var numbered = RecommendationNumbering.Number(
                    inspected, last?.Group, last?.Number ?? 0, batch, addressees, inspection.CalendarDate ?? Today.From(clock), afterPublication: inspection.IsPublished);
                await recommendations.InsertAsync(c, tx, batch, numbered, key.RequestId, correctionReason, ct);
                await inspections.BumpVersionAsync(c, tx, batch.InspectionId, ct);
                return Written.New(new AddedRecommendations(
                    await inspections.GetAsync(c, tx, batch.InspectionId, ct), await recommendations.BatchAsync(c, tx, batch.InspectionId, key.RequestId, ct)));
            }, ct);
    }

    public Task<RecommendationProgress> GetAsync(Guid recommendationId, CancellationToken ct) => recommendations.GetAsync(recommendationId, ct);

    public async Task<Page<RecommendationProgress>> ListAsync(RecommendationQuery query, CancellationToken ct)
    {
        var listed = await register.ListedAsync(query.ProviderId, query.IncludePredecessors, ct);
        return await recommendations.ListAsync(query, listed, frameworks.CombinedProgressScale().ClosingWord, ct);
    }
}
