namespace Inspection.Recommendations.Domain.Frameworks;

/// <summary>A standard or key question of a framework: its id, its name or text, its standard and its place in the framework.</summary>
public sealed record OutlineItem(OutlineKind Kind, string Id, string Text, string StandardId, int Order);
