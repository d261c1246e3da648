namespace Inspection.Scoring.Domain.Rollup;

/// <summary>One inspection in the national roll-up: the framework version it is pinned to, k and n per key question,
/// and for a published inspection its case standards' computed ratings as published (null: rate them now).</summary>
public sealed record RollupInspection(
    Framework Framework,
    IReadOnlyDictionary<string, YesCount> Counts,
    IReadOnlyDictionary<string, string>? RatingsAsPublished = null);
