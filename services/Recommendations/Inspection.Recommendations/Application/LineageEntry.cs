namespace Inspection.Recommendations.Application;

/// <summary>A provider reached through the lineage, with the link that reached it.</summary>
public sealed record LineageEntry(Provider Provider, LineageStep Step);
