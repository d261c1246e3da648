using System.Collections.Concurrent;

namespace Inspection.Grpc.Tests.Server;

/// <summary>
/// Makes a server look briefly unavailable: a call carrying "x-fail-first: N" and "x-call-key: K" fails with
/// UNAVAILABLE on its first N attempts (counted per key), so client retries can be observed over real sockets.
/// </summary>
public sealed class FlakyCallInterceptor : IServerCallInterceptor
{
    private readonly ConcurrentDictionary<string, int> _attempts = new();

    public int AttemptsOf(string key) => _attempts.GetValueOrDefault(key);

    public Task InterceptAsync(ServerCallContext context, Func<Task> next)
    {
        var key = context.RequestHeaders.GetValue("x-call-key");
        if (key is null || !int.TryParse(context.RequestHeaders.GetValue("x-fail-first"), out var failFirst)) return next();
        var attempt = _attempts.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (attempt <= failFirst) throw new RpcException(new Status(StatusCode.Unavailable, $"attempt {attempt} refused");
        return next();
    }
}
