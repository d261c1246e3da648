namespace Inspection.Domain;

/// <summary>The request is well formed but the system is not in a state to carry it out
/// (e.g. a quota larger than its stratum, publishing with an unresolved breach): FAILED_PRECONDITION.</summary>
public sealed class PreconditionFailedException(string message) : DomainException(message);
