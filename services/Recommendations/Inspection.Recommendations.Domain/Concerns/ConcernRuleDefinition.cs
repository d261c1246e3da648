namespace Inspection.Recommendations.Domain.Concerns;

/// <summary>
/// A rule as concern-rules.json gives it: its id (kept across versions), its version, the kind of code that evaluates
/// it, the words people read and the day it came into force (nothing met before that day is raised).
/// </summary>
public sealed record ConcernRuleDefinition(string Id, int Version, string Kind, string Title, string Description, DateOnly InForceFrom);
