namespace Inspection.Recommendations.Domain.Providers;

/// <summary>One predecessor of a restructure and which part of it the successor took over.</summary>
public sealed record PredecessorPart(Guid ProviderId, string Note);
