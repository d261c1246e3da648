namespace Inspection.Domain;

/// <summary>
/// A rule of the domain refused the request. Each subclass maps to one gRPC status at the boundary,
/// so the domain never needs to know about transport.
/// </summary>
public abstract class DomainException(string message) : Exception(message);
