namespace Inspection.Recommendations.Application;

/// <summary>A provider with every ancestor and every successor.</summary>
public sealed record LineageView(Provider Provider, IReadOnlyList<LineageEntry> Ancestors, IReadOnlyList<LineageEntry> Successors);
