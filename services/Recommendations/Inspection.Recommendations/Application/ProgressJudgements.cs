using Inspection.ServiceDefaults;
using Npgsql;

namespace Inspection.Recommendations.Application;

/// <summary>
/// Progress judgements: what an inspection must judge (recommendations addressed to its provider or a predecessor),
/// RecordProgressJudgement (append-only, the recommendation's version moving on) and the summaries counted from them.
/// </summary>
public sealed class ProgressJudgements(
    ProgressJudgementStore judgements, RecommendationStore recommendations, InspectionStore inspections, ProviderStore providers,
    ProviderRegister register, RequestLedger ledger, FrameworkCatalogue frameworks, ChangeLogStore changes, TimeProvider clock, Database database,
    ProductMetrics? metrics = null)
{
    /// <summary>The first answer, as the ledger keeps it: {"judgement_id"}, a judgement never changing once recorded.</summary>
    internal sealed record JudgementReference(Guid JudgementId);

    public async Task<DueList> ListDueAsync(Guid inspectionId, CancellationToken ct)
    {
        var inspection = await inspections.GetAsync(inspectionId, ct);
        var reach = (await providers.LineageAsync(ct)).ReachOf(inspection.ProviderId);
        var candidates = await recommendations.AddressedToAsync(reach, ct);
        var scale = frameworks.ProgressScaleFor(inspection.FrameworkId);
        return new DueList(inspection, scale, DueForJudgement.Select(inspection, reach, candidates, scale));
    }

    /// <summary>Records the judgement if it is due at the inspection and in the inspection's scale; announced on the change log, in the same transaction, the first time only.</summary>
    public async Task<Written<RecordedJudgement>> RecordAsync(string? requestId, NewProgressJudgement judgement, long expectedVersion, CancellationToken ct)
    {
        var written = await ledger.OnceAsync(RequestKeys.For(requestId, "RecordProgressJudgement", judgement),
            Written.Answer<RecordedJudgement, JudgementReference>(r => new(r.Judgement.Id), async (kept, ct2) =>
            {
                await using var c = await database.OpenAsync(ct2);
                return await RecordedAsync(c, null, kept.JudgementId, ct2);
            }),
            async (c, tx) =>
            {
                var recommendation = await recommendations.GetAsync(c, tx, judgement.RecommendationId, ct);
                var inspection = await inspections.GetAsync(c, tx, judgement.InspectionId, ct);
                var scale = frameworks.ProgressScaleFor(inspection.FrameworkId);
                var word = judgement.ValidJudgement(scale);
                var reach = (await providers.LineageAsync(c, tx, ct)).ReachOf(inspection.ProviderId);
                DueForJudgement.EnsureDue(inspection, reach, recommendation, scale);
                var correctionReason = judgement.CorrectionReasonAt(inspection);

                // The version check takes the recommendation's row lock: of two judgements racing from the same
                // version, the second waits here, then finds the version moved on and is refused.
                await recommendations.BumpVersionAsync(c, tx, judgement.RecommendationId, expectedVersion, ct);
                var judgementId = Guid.CreateVersion7();
                await judgements.InsertAsync(c, tx, judgementId, judgement, word, correctionReason, ct);
                var recorded = await RecordedAsync(c, tx, judgementId, ct);
                // Last: numbering the change holds the change log's counter until this transaction commits.
                await changes.AppendAsync(c, tx, new RecommendationChange(
                    0, ChangeType.ProgressJudgementRecorded, clock.GetUtcNow(), recorded.Inspection.Id, recorded.Inspection.ProviderId,
                    recorded.Judgement.RecommendationId, recorded.Judgement.Id, recorded.Judgement.Judgement, null, null, recorded.Judgement.RecordedBy), ct);
                return Written.New(recorded);
            }, ct);
        if (!written.Replayed) metrics?.ProgressJudged();
        return written;
    }

    public async Task<ProgressSummary> SummaryAsync(ProgressSummaryQuery query, CancellationToken ct)
    {
        var scale = query.InspectionId is { } inspectionId
            ? frameworks.ProgressScaleFor((await inspections.GetAsync(inspectionId, ct)).FrameworkId)
            : frameworks.CombinedProgressScale();
        var reach = query.ProviderId is { } providerId ? await register.ReachOfAsync(providerId, ct) : null;
        return ProgressSummary.Count(await judgements.FactsAsync(query.InspectionId, reach, ct), query.GroupBy, scale);
    }

    /// <summary>A judgement with its recommendation as it now stands (new version, full history) and the inspection it was made at.</summary>
    private async Task<RecordedJudgement> RecordedAsync(NpgsqlConnection c, NpgsqlTransaction? tx, Guid judgementId, CancellationToken ct)
    {
        var recorded = await judgements.GetAsync(c, tx, judgementId, ct);
        return new RecordedJudgement(
            recorded, await recommendations.GetAsync(c, tx, recorded.RecommendationId, ct), await inspections.GetAsync(c, tx, recorded.InspectionId, ct));
    }
}
