using Inspection.Recommendations.Domain.Frameworks;
using Inspection.Recommendations.Domain.Links;

namespace Inspection.Recommendations.Application;

/// <summary>
/// SetRecommendationLinks and GetRecommendationLinks: the standards and key questions a recommendation is about, checked
/// against the framework of the inspection that made it. Not part of the published report, so no correction reason and
/// no new version of the recommendation (a judgement being recorded meanwhile is not refused for it).
/// </summary>
public sealed class RecommendationLinking(
    RecommendationStore recommendations, InspectionStore inspections, RecommendationLinkStore links, FrameworkOutline outline, RequestLedger ledger)
{
    public Task<Written<LinkedRecommendation>> SetAsync(string? requestId, NewRecommendationLinks command, CancellationToken ct)
    {
        var key = RequestKeys.For(requestId, "SetRecommendationLinks", command);
        // The set changes in place later: a retry gets the links as this request left them, kept whole.
        return ledger.OnceAsync(key,
            new LedgerAnswer<Written<LinkedRecommendation>, LinkedRecommendation>(w => w.Value, (kept, _) => Task.FromResult(new Written<LinkedRecommendation>(kept, true))),
            async (c, tx) =>
            {
                var recommendation = (await recommendations.GetAsync(c, tx, command.RecommendationId, ct)).Recommendation;
                var inspection = await inspections.GetAsync(c, tx, recommendation.InspectionId, ct);
                var items = command.Against(outline, inspection.FrameworkId);
                await links.ReplaceAsync(c, tx, recommendation.Id, items, command.RecordedBy, ct);
                return Written.New(Resolve(recommendation.Id, recommendation.InspectionId, inspection.FrameworkId,
                    await links.ListAsync(c, tx, recommendation.Id, ct)));
            }, ct);
    }

    public async Task<LinkedRecommendation> GetAsync(Guid recommendationId, CancellationToken ct)
    {
        var recommendation = (await recommendations.GetAsync(recommendationId, ct)).Recommendation;
        var inspection = await inspections.GetAsync(recommendation.InspectionId, ct);
        return Resolve(recommendationId, recommendation.InspectionId, inspection.FrameworkId, await links.ListAsync(recommendationId, ct));
    }

    /// <summary>Stored links with the framework's wording, in its order.</summary>
    private LinkedRecommendation Resolve(Guid recommendationId, Guid inspectionId, string frameworkId, IReadOnlyList<StoredLink> stored) =>
        new(recommendationId, inspectionId, frameworkId, stored
            .Select(s => (Stored: s, Item: outline.Find(frameworkId, s.Kind, s.TargetId)))
            .Where(x => x.Item is not null)
            .OrderBy(x => x.Item!.Order)
            .Select(x => new RecommendationLink(x.Item!, x.Stored.LinkedBy, x.Stored.LinkedAt))
            .ToList());
}
