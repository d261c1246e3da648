using System.Collections.Concurrent;
using Grpc.Core.Interceptors;

namespace Inspection.Grpc.Tests.Server;

/// <summary>
/// Makes a server look briefly unavailable: a call carrying "x-fail-first: N" and "x-call-key: K" fails on its first N
/// attempts (counted per key) with UNAVAILABLE, or with the code in "x-fail-code", so client retries can be observed
/// over real sockets. Every attempt with a key is counted, failing or not.
/// </summary>
public sealed class FlakyCallInterceptor : Interceptor
{
    private readonly ConcurrentDictionary<string, int> _attempts = new();

    public int AttemptsOf(string key) => _attempts.GetValueOrDefault(key);

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(request, responseStream, context);
    }

    private void Check(ServerCallContext context)
    {
        if (context.RequestHeaders.GetValue("x-call-key") is not { } key) return;
        var attempt = _attempts.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (!int.TryParse(context.RequestHeaders.GetValue("x-fail-first"), out var failFirst) || attempt > failFirst) return;
        var code = int.TryParse(context.RequestHeaders.GetValue("x-fail-code"), out var c) ? (StatusCode)c : StatusCode.Unavailable;
        throw new RpcException(new Status(code, $"attempt {attempt} refused"));
    }
}
