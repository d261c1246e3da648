namespace Inspection.Domain;

/// <summary>The record exists already and the request would create it again with different content: ALREADY_EXISTS.</summary>
public sealed class AlreadyExistsException(string message) : DomainException(message);
