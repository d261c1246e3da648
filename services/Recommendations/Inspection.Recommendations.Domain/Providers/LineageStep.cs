namespace Inspection.Recommendations.Domain.Providers;

/// <summary>
/// A provider reached by walking the lineage from another: <see cref="ProviderId"/> is the ancestor (or successor),
/// <see cref="Link"/> the edge that reached it, <see cref="Generation"/> 1 for a direct predecessor (or successor).
/// </summary>
public sealed record LineageStep(Guid ProviderId, PredecessorLink Link, int Generation);
