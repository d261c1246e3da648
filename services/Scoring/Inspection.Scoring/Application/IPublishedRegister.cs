using Inspection.Scoring.Domain.History;

namespace Inspection.Scoring.Application;

/// <summary>What the national time series needs of the register (recommendation tracking owns providers, their
/// restructures and the publication of inspections; Upstream/RecommendationTrackingLineage asks it).</summary>
public interface IPublishedRegister
{
    /// <summary>Every published inspection.</summary>
    Task<IReadOnlyList<PublishedInspection>> ListPublishedInspectionsAsync(CancellationToken ct);

    /// <summary>The providers and every provider they were formed from (further back too), each with its direct predecessors.</summary>
    Task<IReadOnlyDictionary<string, RegisteredProvider>> WithAncestorsAsync(IReadOnlyCollection<string> providerIds, CancellationToken ct);
}
