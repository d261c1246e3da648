namespace Inspection.Recommendations.Domain.Concerns;

/// <summary>How a flag was closed: only by a person, with the reason, kept with the flag.</summary>
public sealed record ConcernClosure(string ClosedBy, DateTimeOffset ClosedAt, string Reason);
