namespace Inspection.Grpc;

/// <summary>Per-call options of a client call: extra headers, a deadline (UTC), a cancellation token.</summary>
public readonly record struct CallOptions(Metadata? Headers = null, DateTime? Deadline = null, CancellationToken CancellationToken = default);
