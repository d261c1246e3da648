namespace Inspection.Scoring.Domain.Frameworks;

/// <summary>A domain of a framework (e.g. "Organisational delivery") holding its standards.</summary>
public sealed record FrameworkDomain(string Id, string Name, IReadOnlyList<Standard> Standards);
