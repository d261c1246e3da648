namespace Inspection.Domain;

/// <summary>Someone else changed the record since the caller read it (stale version): ABORTED.</summary>
public sealed class ConcurrencyConflictException(string message) : DomainException(message);
