using System.Collections.Concurrent;

namespace Inspection.Grpc.Tests.Server;

/// <summary>What the test server saw, for the tests to check (one per server).</summary>
public sealed class InteropProbe
{
    /// <summary>The grpc-encoding of every Echo request ("" for none).</summary>
    public ConcurrentQueue<string> EchoEncodings { get; } = new();

    /// <summary>Every call that reached the service's interceptors: its method and request headers.</summary>
    public ConcurrentQueue<RecordedCall> Calls { get; } = new();

    private readonly ConcurrentDictionary<string, TaskCompletionSource> _slowCancelled = new();

    /// <summary>Completes when the handler of the Slow call with this key saw its cancellation token fire (its deadline passed or the caller left).</summary>
    public Task SlowCallCancelled(string key) => Cancellation(key).Task;

    /// <summary>Completes when the handler of the Slow call with this key has started.</summary>
    public Task SlowCallStarted(string key) => Started(key).Task;

    internal TaskCompletionSource Cancellation(string key) =>
        _slowCancelled.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    internal TaskCompletionSource Started(string key) =>
        _slowStarted.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private readonly ConcurrentDictionary<string, TaskCompletionSource> _slowStarted = new();

    public IReadOnlyList<RecordedCall> CallsWith(string header, string value) =>
        [.. Calls.Where(c => c.Headers.GetValue(header) == value)];
}

/// <summary>One call as the server received it.</summary>
public sealed record RecordedCall(string Method, Metadata Headers)
{
    public string? Header(string name) => Headers.GetValue(name);
}
