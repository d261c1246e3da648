namespace Inspection.Domain;

/// <summary>The request is well formed but the system is not in a state to carry it out
/// (e.g. a quota larger than its stratum, publishing with an unresolved breach): FAILED_PRECONDITION, with each of
/// <see cref="Failures"/> (when there are several, e.g. every publishing blocker) as a google.rpc.PreconditionFailure.</summary>
public sealed class PreconditionFailedException(string message, IReadOnlyList<string>? failures = null) : DomainException(message)
{
    /// <summary>Every state that stands in the way, each a sentence; empty when the message is the one failure.</summary>
    public IReadOnlyList<string> Failures { get; } = failures ?? [];
}
