namespace Inspection.Grpc.Tests.Server;

/// <summary>What the test server's handlers report back to the tests (one per server).</summary>
public sealed class InteropProbe
{
    /// <summary>The grpc-encoding of every Echo request ("" for none).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> EchoEncodings { get; } = new();

    /// <summary>Completed when a Slow call's cancellation token fired (its deadline passed or the caller left).</summary>
    public TaskCompletionSource SlowCallCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
