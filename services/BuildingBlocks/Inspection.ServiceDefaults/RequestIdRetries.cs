using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Inspection.ServiceDefaults;

/// <summary>
/// Retries on UNAVAILABLE for writes that carry a request id, which the request ledger answers once however often it
/// arrives; with a balanced channel the next attempt goes to another replica. Which methods these are comes from the
/// contract: a method not marked idempotent (those the channel's retry policy covers) whose request has a string field
/// <c>request_id</c>. A call that leaves request_id empty could apply twice, so it is never retried; nor are
/// streaming calls. Attempts stop at <see cref="MaxAttempts"/> or when the call's deadline would pass in the back-off.
/// </summary>
public sealed class RequestIdRetries : Interceptor
{
    public const int MaxAttempts = 4;
    private static readonly TimeSpan InitialBackoff = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, FieldDescriptor> _writes;

    private RequestIdRetries(Dictionary<string, FieldDescriptor> writes) => _writes = writes;

    /// <summary>The full method names ("/package.Service/Method") this retries when request_id is given.</summary>
    public IReadOnlyCollection<string> Methods => _writes.Keys;

    /// <summary>For a generated client type; null when its contract has no write with a request id.</summary>
    public static RequestIdRetries? For(Type clientType)
    {
        if (clientType.DeclaringType?.GetProperty("Descriptor")?.GetValue(null) is not ServiceDescriptor service) return null;
        var writes = new Dictionary<string, FieldDescriptor>();
        foreach (var method in service.Methods)
        {
            if (method.IsClientStreaming || method.IsServerStreaming) continue;
            if (method.GetOptions()?.IdempotencyLevel is MethodOptions.Types.IdempotencyLevel.NoSideEffects or MethodOptions.Types.IdempotencyLevel.Idempotent) continue;
            if (method.InputType.FindFieldByName("request_id") is not { FieldType: FieldType.String, IsRepeated: false } field) continue;
            writes[$"/{service.FullName}/{method.Name}"] = field;
        }
        return writes.Count == 0 ? null : new RequestIdRetries(writes);
    }

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        if (!_writes.TryGetValue(context.Method.FullName, out var field) || request is not IMessage message
            || field.Accessor.GetValue(message) is not string { Length: > 0 })
            return continuation(request, context);
        var attempts = new Attempts<TRequest, TResponse>(request, context, continuation);
        var response = attempts.RunAsync();
        return new AsyncUnaryCall<TResponse>(response, attempts.HeadersAsync(response),
            () => attempts.Current.GetStatus(), () => attempts.Current.GetTrailers(), () => attempts.Current.Dispose());
    }

    private sealed class Attempts<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
        where TRequest : class where TResponse : class
    {
        public AsyncUnaryCall<TResponse> Current { get; private set; } = continuation(request, context);

        public async Task<TResponse> RunAsync()
        {
            var backoff = InitialBackoff;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await Current.ResponseAsync.ConfigureAwait(false);
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && attempt < MaxAttempts)
                {
                    // Jittered back-off as the gRPC retry policy does it, within the call's deadline and cancellation.
                    var pause = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * backoff.TotalMilliseconds);
                    if (context.Options.Deadline is { } deadline && GrpcDeadlines.Remaining(deadline) <= pause) throw;
                    try
                    {
                        await Task.Delay(pause, context.Options.CancellationToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        throw e;
                    }
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                    Current.Dispose();
                    Current = continuation(request, context);
                }
            }
        }

        /// <summary>The headers of the attempt that answered (or failed last).</summary>
        public async Task<Metadata> HeadersAsync(Task<TResponse> response)
        {
            try
            {
                await response.ConfigureAwait(false);
            }
            catch (RpcException)
            {
            }
            return await Current.ResponseHeadersAsync.ConfigureAwait(false);
        }
    }
}
