using Grpc.Core;

namespace Inspection.LoadAndFaults;

/// <summary>How a write ended for the client: acknowledged (with the reply), refused with a definite status, or
/// unresolved (the retry budget ran out on answers that leave the outcome unknown).</summary>
public sealed record WriteOutcome<T>(T? Reply, StatusCode Status, string Detail, int Attempts) where T : class
{
    public bool Acknowledged => Reply is not null;
    public bool Unresolved => Reply is null && CarefulClient.LeavesOutcomeUnknown(Status);
}
