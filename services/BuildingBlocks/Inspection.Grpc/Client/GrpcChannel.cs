using System.Diagnostics;
using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace Inspection.Grpc;

/// <summary>
/// A client connection to one target over HTTP/2 cleartext (prior knowledge), on one pooled HttpClient.
/// Carries deadlines (and the incoming call's deadline onwards), metadata, cancellation, trace context and the
/// Dapr app id; retries idempotent methods on UNAVAILABLE with capped exponential backoff.
/// </summary>
public sealed class GrpcChannel : IDisposable
{
    private static readonly MediaTypeHeaderValue GrpcContentType = new("application/grpc");
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    public GrpcChannel(HttpClient http, GrpcChannelOptions options, bool ownsHttpClient = false)
    {
        _http = http;
        _ownsHttp = ownsHttpClient;
        Options = options;
    }

    public GrpcChannelOptions Options { get; }

    /// <summary>A channel with its own connection pool; several HTTP/2 connections so many concurrent calls don't queue on one.</summary>
    public static GrpcChannel ForAddress(string address, GrpcChannelOptions? options = null)
    {
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        var resolved = options is null
            ? new GrpcChannelOptions { Address = new Uri(address) }
            : new GrpcChannelOptions
            {
                Address = new Uri(address), DaprAppId = options.DaprAppId, MaxReceiveMessageSize = options.MaxReceiveMessageSize,
                MaxAttempts = options.MaxAttempts, InitialBackoff = options.InitialBackoff, MaxBackoff = options.MaxBackoff,
                Interceptors = options.Interceptors,
            };
        return new GrpcChannel(http, resolved, ownsHttpClient: true);
    }

    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        using var activity = GrpcTelemetry.StartClient(method.ServiceName, method.Name, method.FullName);
        var (deadline, token, linked) = Effective(options);
        using var _ = linked;
        var payload = GrpcFraming.Frame(request);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var response = await SendAsync(method, payload, options.Headers, deadline, streaming: false, token);
                var reader = PipeReader.Create(await response.Content.ReadAsStreamAsync(token));
                var message = await ReadMessageAsync(reader, method.ResponseParser, response, deadline, token);
                var extra = await ReadMessageAsync(reader, method.ResponseParser, response, deadline, token);
                var status = TrailerStatus(response);
                if (status.Status.StatusCode != StatusCode.OK) throw status;
                if (message is null) throw new RpcException(StatusCode.Internal, "Unary call ended OK without a response message");
                if (extra is not null) throw new RpcException(StatusCode.Internal, "Unary call returned more than one response message");
                GrpcTelemetry.Complete(activity, StatusCode.OK, server: false);
                return message;
            }
            catch (RpcException e) when (ShouldRetry(method.Idempotent, e, attempt, deadline))
            {
                await Task.Delay(Backoff(attempt), token);
            }
            catch (RpcException e)
            {
                GrpcTelemetry.Complete(activity, e.StatusCode, server: false);
                throw;
            }
        }
    }

    public async IAsyncEnumerable<TResponse> ServerStreaming<TRequest, TResponse>(
        Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        using var activity = GrpcTelemetry.StartClient(method.ServiceName, method.Name, method.FullName);
        var (deadline, token, linked) = Effective(options);
        using var _ = linked;
        var payload = GrpcFraming.Frame(request);
        HttpResponseMessage response;
        // Retrying is only safe before the first message arrives, so it happens here, around the headers.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                response = await SendAsync(method, payload, options.Headers, deadline, streaming: true, token);
                break;
            }
            catch (RpcException e) when (ShouldRetry(method.Idempotent, e, attempt, deadline))
            {
                await Task.Delay(Backoff(attempt), token);
            }
            catch (RpcException e)
            {
                GrpcTelemetry.Complete(activity, e.StatusCode, server: false);
                throw;
            }
        }
        using (response)
        {
            var reader = PipeReader.Create(await response.Content.ReadAsStreamAsync(token));
            while (true)
            {
                TResponse? message;
                try
                {
                    message = await ReadMessageAsync(reader, method.ResponseParser, response, deadline, token);
                }
                catch (RpcException e)
                {
                    GrpcTelemetry.Complete(activity, e.StatusCode, server: false);
                    throw;
                }
                if (message is null) break;
                yield return message;
            }
            var status = TrailerStatus(response);
            GrpcTelemetry.Complete(activity, status.StatusCode, server: false);
            if (status.StatusCode != StatusCode.OK) throw status;
        }
    }

    private (DateTime Deadline, CancellationToken Token, CancellationTokenSource? Linked) Effective(CallOptions options)
    {
        // An incoming call's deadline and cancellation carry on to the calls it makes.
        var incoming = ServerCallContext.Current;
        var deadline = options.Deadline ?? DateTime.MaxValue;
        if (incoming is not null && incoming.Deadline < deadline) deadline = incoming.Deadline;
        if (incoming is null || !incoming.CancellationToken.CanBeCanceled) return (deadline, options.CancellationToken, null);
        var linked = CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken, incoming.CancellationToken);
        return (deadline, linked.Token, linked);
    }

    private async Task<HttpResponseMessage> SendAsync<TRequest, TResponse>(Method<TRequest, TResponse> method, byte[] payload, Metadata? headers, DateTime deadline, bool streaming, CancellationToken token)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Options.Address, method.Path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(payload),
        };
        request.Content.Headers.ContentType = GrpcContentType;
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.TryAddWithoutValidation("grpc-accept-encoding", "identity,gzip");
        request.Headers.TryAddWithoutValidation("user-agent", "inspection-grpc-dotnet/1.0");
        if (Options.DaprAppId is { } appId)
        {
            request.Headers.TryAddWithoutValidation("dapr-app-id", appId);
            if (streaming) request.Headers.TryAddWithoutValidation("dapr-stream", "true");
        }
        if (Activity.Current is { } activity)
        {
            request.Headers.TryAddWithoutValidation("traceparent", activity.Id);
            if (activity.TraceStateString is { Length: > 0 } state) request.Headers.TryAddWithoutValidation("tracestate", state);
        }

        var all = headers ?? new Metadata();
        if (Options.Interceptors.Count > 0)
        {
            all = Copy(all);
            foreach (var interceptor in Options.Interceptors) await interceptor.BeforeCallAsync(method.FullName, all, token);
        }
        foreach (var entry in all)
            request.Headers.TryAddWithoutValidation(entry.Key, entry.ValueBytes is { } bytes ? Convert.ToBase64String(bytes) : entry.Value);

        using var timeout = deadline == DateTime.MaxValue ? null : CancellationTokenSource.CreateLinkedTokenSource(token);
        if (timeout is not null)
        {
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero) throw new RpcException(StatusCode.DeadlineExceeded, "Deadline exceeded before the call was sent");
            request.Headers.TryAddWithoutValidation("grpc-timeout", GrpcTimeout.Format(remaining));
            timeout.CancelAfter(remaining);
        }
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout?.Token ?? token);
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            throw new RpcException(StatusCode.DeadlineExceeded, "Deadline exceeded");
        }
        catch (OperationCanceledException)
        {
            throw new RpcException(StatusCode.Cancelled, "The call was cancelled");
        }
        catch (HttpRequestException e)
        {
            throw new RpcException(StatusCode.Unavailable, $"Could not reach {Options.Address}: {e.Message}");
        }

        try
        {
            if (response.StatusCode != HttpStatusCode.OK && !response.Headers.Contains("grpc-status"))
                throw new RpcException(FromHttpStatus(response.StatusCode), $"Bad gRPC response. HTTP status code: {(int)response.StatusCode}");
            // trailers-only: the status came in the headers and there is no body
            if (response.Headers.TryGetValues("grpc-status", out _))
            {
                var status = StatusFrom(response.Headers);
                if (status.StatusCode != StatusCode.OK) throw status;
            }
            else if (response.Content.Headers.ContentType?.MediaType is not { } media || !media.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase))
                throw new RpcException(StatusCode.Internal, $"Bad gRPC response: content type '{response.Content.Headers.ContentType}'");
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private async Task<T?> ReadMessageAsync<T>(PipeReader reader, MessageParser<T> parser, HttpResponseMessage response, DateTime deadline, CancellationToken token)
        where T : class, IMessage<T>
    {
        var encoding = response.Headers.TryGetValues("grpc-encoding", out var values) ? values.FirstOrDefault() : null;
        using var timeout = deadline == DateTime.MaxValue ? null : CancellationTokenSource.CreateLinkedTokenSource(token);
        timeout?.CancelAfter(Max(deadline - DateTime.UtcNow, TimeSpan.Zero));
        while (true)
        {
            ReadResult result;
            try
            {
                result = await reader.ReadAsync(timeout?.Token ?? token);
            }
            catch (OperationCanceledException) when (!token.IsCancellationRequested)
            {
                throw new RpcException(StatusCode.DeadlineExceeded, "Deadline exceeded");
            }
            catch (OperationCanceledException)
            {
                throw new RpcException(StatusCode.Cancelled, "The call was cancelled");
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                throw new RpcException(StatusCode.Unavailable, "The connection ended during the call: " + e.Message);
            }
            var buffer = result.Buffer;
            if (GrpcFraming.TryReadFrame(ref buffer, Options.MaxReceiveMessageSize, out var compressed, out var payload))
            {
                var message = GrpcFraming.Parse(parser, payload, compressed, encoding, Options.MaxReceiveMessageSize);
                reader.AdvanceTo(buffer.Start);
                return message;
            }
            if (result.IsCompleted)
            {
                if (buffer.Length > 0) throw new RpcException(StatusCode.Internal, "Response ended inside a message frame");
                reader.AdvanceTo(buffer.End);
                return null;
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static RpcException TrailerStatus(HttpResponseMessage response)
    {
        if (response.Headers.Contains("grpc-status")) return StatusFrom(response.Headers);
        if (!response.TrailingHeaders.Contains("grpc-status"))
            return new RpcException(StatusCode.Internal, "The call ended without a grpc-status trailer");
        return StatusFrom(response.TrailingHeaders);
    }

    private static RpcException StatusFrom(HttpHeaders headers)
    {
        var code = headers.TryGetValues("grpc-status", out var codes) && int.TryParse(codes.FirstOrDefault(), out var c) ? (StatusCode)c : StatusCode.Unknown;
        var message = headers.TryGetValues("grpc-message", out var messages) ? StatusMessageEncoding.Decode(messages.FirstOrDefault()) : "";
        var details = headers.TryGetValues(StatusDetails.TrailerName, out var d) ? d.FirstOrDefault() : null;
        var trailers = new Metadata();
        foreach (var (key, values) in headers)
        {
            if (key.StartsWith("grpc-", StringComparison.OrdinalIgnoreCase) || key.EndsWith("-bin", StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var value in values) trailers.Add(key, value);
        }
        return new RpcException(new Status(code, message), StatusDetails.DecodeViolations(details), trailers);
    }

    // The gRPC spec's mapping for responses that are not gRPC at all (a proxy's error page, say).
    private static StatusCode FromHttpStatus(HttpStatusCode status) => (int)status switch
    {
        400 => StatusCode.Internal,
        401 => StatusCode.Unauthenticated,
        403 => StatusCode.PermissionDenied,
        404 => StatusCode.Unimplemented,
        429 or 502 or 503 or 504 => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };

    private bool ShouldRetry(bool idempotent, RpcException e, int attempt, DateTime deadline) =>
        idempotent && e.StatusCode == StatusCode.Unavailable && attempt < Options.MaxAttempts
        && DateTime.UtcNow + Backoff(attempt) < deadline;

    private TimeSpan Backoff(int attempt)
    {
        var ms = Math.Min(Options.InitialBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1), Options.MaxBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(ms * (0.8 + Random.Shared.NextDouble() * 0.4));
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static Metadata Copy(Metadata source)
    {
        var copy = new Metadata();
        foreach (var e in source)
        {
            if (e.ValueBytes is { } bytes) copy.Add(e.Key, bytes);
            else copy.Add(e.Key, e.Value!);
        }
        return copy;
    }

    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }
}
