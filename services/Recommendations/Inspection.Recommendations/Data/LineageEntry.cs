using Inspection.Recommendations.Domain;

namespace Inspection.Recommendations.Data;

/// <summary>A provider reached through the lineage, with the link that reached it.</summary>
public sealed record LineageEntry(Provider Provider, LineageStep Step);
