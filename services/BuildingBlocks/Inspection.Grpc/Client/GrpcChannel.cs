using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Google.Protobuf;

namespace Inspection.Grpc;

/// <summary>
/// A client connection to one target over HTTP/2 cleartext (prior knowledge), on one pooled HttpClient.
/// Carries deadlines (and the incoming call's deadline onwards), metadata, cancellation, trace context and the
/// Dapr app id; retries idempotent methods on UNAVAILABLE with capped exponential backoff.
/// </summary>
public sealed class GrpcChannel : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly ConcurrentDictionary<string, Uri> _uris = new(StringComparer.Ordinal);

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
            // gRPC is not HTTP caching or redirects or cookies: skip that work on every call
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
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
        using var activity = GrpcTelemetry.Source.HasListeners() ? GrpcTelemetry.StartClient(method.ServiceName, method.Name, method.FullName) : null;
        using var call = new CallScope(options, default);
        try
        {
            var payload = GrpcFraming.Frame(request);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    using var response = await SendAsync(method, payload, options.Headers, call, streaming: false);
                    var message = await ReadUnaryResponseAsync(response, method.ResponseParser, call);
                    var status = TrailerStatus(response);
                    if (status.Status.StatusCode != StatusCode.OK) throw status;
                    if (message is null) throw new RpcException(StatusCode.Internal, "Unary call ended OK without a response message");
                    GrpcTelemetry.Complete(activity, StatusCode.OK, server: false);
                    return message;
                }
                catch (RpcException e) when (ShouldRetry(method.Idempotent, e, attempt, call.Deadline))
                {
                    await BackoffAsync(attempt, call);
                }
            }
        }
        catch (RpcException e)
        {
            GrpcTelemetry.Complete(activity, e.StatusCode, server: false);
            throw;
        }
    }

    /// <summary>
    /// A server-streaming call; the messages arrive as they are enumerated. Leaving the loop early cancels the
    /// call; so does the token given to <c>WithCancellation</c>.
    /// </summary>
    public async IAsyncEnumerable<TResponse> ServerStreaming<TRequest, TResponse>(
        Method<TRequest, TResponse> method, TRequest request, CallOptions options = default, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        using var activity = GrpcTelemetry.Source.HasListeners() ? GrpcTelemetry.StartClient(method.ServiceName, method.Name, method.FullName) : null;
        using var call = new CallScope(options, cancellationToken);
        var payload = GrpcFraming.Frame(request);
        HttpResponseMessage response;
        // Retrying is only safe before the first message arrives, so it happens here, around the headers.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                response = await SendAsync(method, payload, options.Headers, call, streaming: true);
                break;
            }
            catch (RpcException e) when (ShouldRetry(method.Idempotent, e, attempt, call.Deadline))
            {
                await BackoffAsync(attempt, call);
            }
            catch (RpcException e)
            {
                GrpcTelemetry.Complete(activity, e.StatusCode, server: false);
                throw;
            }
        }
        using (response)
        {
            PipeReader reader;
            try
            {
                reader = PipeReader.Create(await response.Content.ReadAsStreamAsync(call.Token), new StreamPipeReaderOptions(leaveOpen: true));
            }
            catch (Exception e) when (Failure(e, call) is { } failure)
            {
                GrpcTelemetry.Complete(activity, failure.StatusCode, server: false);
                throw failure;
            }
            try
            {
                var encoding = ResponseEncoding(response);
                while (true)
                {
                    TResponse? message;
                    try
                    {
                        message = await ReadStreamedMessageAsync(reader, method.ResponseParser, encoding, call);
                    }
                    catch (RpcException e)
                    {
                        GrpcTelemetry.Complete(activity, e.StatusCode, server: false);
                        throw;
                    }
                    if (message is null) break;
                    yield return message;
                }
            }
            finally
            {
                await reader.CompleteAsync();
            }
            var status = TrailerStatus(response);
            GrpcTelemetry.Complete(activity, status.StatusCode, server: false);
            if (status.StatusCode != StatusCode.OK) throw status;
        }
    }

    private async Task<HttpResponseMessage> SendAsync<TRequest, TResponse>(Method<TRequest, TResponse> method, byte[] payload, Metadata? headers, CallScope call, bool streaming)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var request = new HttpRequestMessage(HttpMethod.Post, UriOf(method.Path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(payload),
        };
        request.Content.Headers.TryAddWithoutValidation("content-type", "application/grpc");
        var requestHeaders = request.Headers;
        requestHeaders.TryAddWithoutValidation("te", "trailers");
        requestHeaders.TryAddWithoutValidation("grpc-accept-encoding", "identity,gzip");
        requestHeaders.TryAddWithoutValidation("user-agent", "inspection-grpc-dotnet/1.0");
        if (Options.DaprAppId is { } appId)
        {
            requestHeaders.TryAddWithoutValidation("dapr-app-id", appId);
            if (streaming) requestHeaders.TryAddWithoutValidation("dapr-stream", "true");
        }
        if (Activity.Current is { } activity)
        {
            requestHeaders.TryAddWithoutValidation("traceparent", activity.Id);
            if (activity.TraceStateString is { Length: > 0 } state) requestHeaders.TryAddWithoutValidation("tracestate", state);
        }

        var all = headers;
        if (Options.Interceptors.Count > 0)
        {
            all = all is null ? new Metadata() : Copy(all);
            foreach (var interceptor in Options.Interceptors) await interceptor.BeforeCallAsync(method.FullName, all, call.Token);
        }
        if (all is not null)
            foreach (var entry in all)
                requestHeaders.TryAddWithoutValidation(entry.Key, entry.ValueBytes is { } bytes ? Base64.Encode(bytes) : entry.Value);

        if (call.Deadline != DateTime.MaxValue)
        {
            var remaining = call.Deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero) throw new RpcException(StatusCode.DeadlineExceeded, "Deadline exceeded before the call was sent");
            requestHeaders.TryAddWithoutValidation("grpc-timeout", GrpcTimeout.Format(remaining));
        }
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, call.Token);
        }
        catch (OperationCanceledException) when (call.Token.IsCancellationRequested)
        {
            throw call.CancellationStatus();
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
        {
            // refused, reset or timed out connecting: the target is not there right now (retryable for idempotent methods)
            throw new RpcException(StatusCode.Unavailable, $"Could not reach {Options.Address}: {e.Message}");
        }

        try
        {
            var trailersOnly = HasStatus(response.Headers);
            if (response.StatusCode != HttpStatusCode.OK && !trailersOnly)
                throw new RpcException(FromHttpStatus(response.StatusCode), $"Bad gRPC response. HTTP status code: {(int)response.StatusCode}");
            // trailers-only: the status came in the headers and there is no body
            if (trailersOnly)
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

    private Uri UriOf(string path) => _uris.TryGetValue(path, out var uri) ? uri : _uris.GetOrAdd(path, p => new Uri(Options.Address, p));

    /// <summary>
    /// Reads a unary response body: at most one message, then the end of the stream (after which the trailers are
    /// there). Null when the body was empty. The message is read into a pooled buffer of exactly its declared size.
    /// </summary>
    private async Task<T?> ReadUnaryResponseAsync<T>(HttpResponseMessage response, MessageParser<T> parser, CallScope call) where T : class, IMessage<T>
    {
        var buffer = ArrayPool<byte>.Shared.Rent(GrpcFraming.HeaderSize);
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(call.Token);
            var read = await stream.ReadAtLeastAsync(buffer.AsMemory(0, GrpcFraming.HeaderSize), GrpcFraming.HeaderSize, throwOnEndOfStream: false, call.Token);
            if (read == 0) return null;
            if (read < GrpcFraming.HeaderSize) throw new RpcException(StatusCode.Internal, "Response ended inside a message frame");
            var length = GrpcFraming.ReadHeader(buffer, Options.MaxReceiveMessageSize, out var compressed);
            if (buffer.Length < length + 1)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = ArrayPool<byte>.Shared.Rent(length + 1);
            }
            if (await stream.ReadAtLeastAsync(buffer.AsMemory(0, length), length, throwOnEndOfStream: false, call.Token) < length)
                throw new RpcException(StatusCode.Internal, "Response ended inside a message frame");
            // one more read to reach the end of the stream: it must find nothing, and it makes the trailers available
            if (await stream.ReadAsync(buffer.AsMemory(length, 1), call.Token) != 0)
                throw new RpcException(StatusCode.Internal, "Unary call returned more than one response message");
            return GrpcFraming.Parse(parser, new ReadOnlySequence<byte>(buffer, 0, length), compressed, compressed ? ResponseEncoding(response) : null, Options.MaxReceiveMessageSize);
        }
        catch (Exception e) when (Failure(e, call) is { } failure)
        {
            throw failure;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task<T?> ReadStreamedMessageAsync<T>(PipeReader reader, MessageParser<T> parser, string? encoding, CallScope call) where T : class, IMessage<T>
    {
        // buffered messages would otherwise keep coming after the caller cancelled
        if (call.Token.IsCancellationRequested) throw call.CancellationStatus();
        while (true)
        {
            ReadResult result;
            try
            {
                result = await reader.ReadAsync(call.Token);
            }
            catch (Exception e) when (Failure(e, call) is { } failure)
            {
                throw failure;
            }
            var buffer = result.Buffer;
            var consumed = false;
            try
            {
                if (GrpcFraming.TryReadFrame(ref buffer, Options.MaxReceiveMessageSize, out var compressed, out var payload))
                {
                    var message = GrpcFraming.Parse(parser, payload, compressed, encoding, Options.MaxReceiveMessageSize);
                    reader.AdvanceTo(buffer.Start);
                    consumed = true;
                    return message;
                }
                if (result.IsCompleted)
                {
                    if (buffer.Length > 0) throw new RpcException(StatusCode.Internal, "Response ended inside a message frame");
                    return null;
                }
            }
            finally
            {
                if (!consumed) reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
    }

    /// <summary>What a failure while talking to the server means for the caller; null for an RpcException (already one).</summary>
    private static RpcException? Failure(Exception e, CallScope call) => e switch
    {
        RpcException => null,
        OperationCanceledException when call.Token.IsCancellationRequested => call.CancellationStatus(),
        HttpRequestException or IOException or OperationCanceledException =>
            new RpcException(StatusCode.Unavailable, "The connection ended during the call: " + e.Message),
        _ => null,
    };

    private static string? ResponseEncoding(HttpResponseMessage response) =>
        response.Headers.TryGetValues("grpc-encoding", out var values) ? values.FirstOrDefault() : null;

    private static RpcException TrailerStatus(HttpResponseMessage response)
    {
        if (HasStatus(response.Headers)) return StatusFrom(response.Headers);
        if (!HasStatus(response.TrailingHeaders))
            return new RpcException(StatusCode.Internal, "The call ended without a grpc-status trailer");
        return StatusFrom(response.TrailingHeaders);
    }

    // NonValidated: read as received, without parsing or allocating (this runs on every call)
    private static bool HasStatus(HttpHeaders headers) => headers.NonValidated.Contains("grpc-status");

    private static RpcException StatusFrom(HttpHeaders headers)
    {
        var code = headers.NonValidated.TryGetValues("grpc-status", out var codes) && codes.Count > 0 && int.TryParse(codes.ToString(), out var c)
            ? (StatusCode)c : StatusCode.Unknown;
        if (code == StatusCode.OK) return OkStatus;
        var message = headers.TryGetValues("grpc-message", out var messages) ? StatusMessageEncoding.Decode(messages.FirstOrDefault()) : "";
        var details = headers.TryGetValues(StatusDetails.TrailerName, out var d) ? d.FirstOrDefault() : null;
        var trailers = new Metadata();
        foreach (var (key, values) in headers)
        {
            if (key.StartsWith("grpc-", StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var value in values)
            {
                if (!key.EndsWith("-bin", StringComparison.OrdinalIgnoreCase)) trailers.Add(key, value);
                else if (Base64.TryDecode(value) is { } bytes) trailers.Add(key, bytes);
            }
        }
        return new RpcException(new Status(code, message), StatusDetails.DecodeViolations(details), trailers);
    }

    // Compared, never thrown: the outcome of a call that ended OK.
    private static readonly RpcException OkStatus = new(Status.Ok);

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
        && (deadline == DateTime.MaxValue || DateTime.UtcNow + Backoff(attempt) < deadline);

    private async Task BackoffAsync(int attempt, CallScope call)
    {
        try
        {
            await Task.Delay(Backoff(attempt), call.Token);
        }
        catch (OperationCanceledException)
        {
            throw call.CancellationStatus();
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var ms = Math.Min(Options.InitialBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1), Options.MaxBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(ms * (0.8 + Random.Shared.NextDouble() * 0.4));
    }

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

    /// <summary>
    /// The deadline and cancellation of one client call: the caller's own, tightened by the call being served on
    /// this flow (so an incoming deadline carries on), on one token that fires when either ends or time is up.
    /// </summary>
    private sealed class CallScope : IDisposable
    {
        // The longest wait a CancellationTokenSource timer takes; a later deadline is no deadline in practice.
        private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

        private readonly CancellationToken _callerToken;
        private readonly CancellationToken _enumeratorToken;
        private readonly ServerCallContext? _incoming;
        private readonly CancellationTokenSource? _source;

        public CallScope(CallOptions options, CancellationToken enumeratorToken)
        {
            _callerToken = options.CancellationToken;
            _enumeratorToken = enumeratorToken;
            var incoming = ServerCallContext.Current;
            Deadline = options.Deadline is { } d ? d.ToUniversalTime() : DateTime.MaxValue;
            if (incoming is not null)
            {
                if (incoming.Deadline < Deadline) Deadline = incoming.Deadline;
                if (incoming.CancellationToken.CanBeCanceled) _incoming = incoming;
            }

            var remaining = Deadline == DateTime.MaxValue ? Timeout.InfiniteTimeSpan : Deadline - DateTime.UtcNow;
            var timed = remaining != Timeout.InfiniteTimeSpan && remaining > TimeSpan.Zero && remaining < LongestTimer;
            var tokens = (_callerToken.CanBeCanceled ? 1 : 0) + (_enumeratorToken.CanBeCanceled ? 1 : 0) + (_incoming is not null ? 1 : 0);
            if (tokens == 0 && !timed)
            {
                Token = default;
                return;
            }
            if (tokens == 1 && !timed)
            {
                Token = _callerToken.CanBeCanceled ? _callerToken : _enumeratorToken.CanBeCanceled ? _enumeratorToken : _incoming!.CancellationToken;
                return;
            }
            _source = tokens == 0
                ? new CancellationTokenSource()
                : CancellationTokenSource.CreateLinkedTokenSource(_callerToken, _enumeratorToken, _incoming?.CancellationToken ?? default);
            if (timed) _source.CancelAfter(remaining);
            Token = _source.Token;
        }

        public DateTime Deadline { get; }
        public CancellationToken Token { get; }

        /// <summary>Why the token fired: the caller cancelled, the call being served went away, or time ran out.</summary>
        public RpcException CancellationStatus()
        {
            if (_callerToken.IsCancellationRequested || _enumeratorToken.IsCancellationRequested)
                return new RpcException(StatusCode.Cancelled, "The call was cancelled");
            if (_incoming is { } served && served.CancellationToken.IsCancellationRequested && served.Deadline > DateTime.UtcNow)
                return new RpcException(StatusCode.Cancelled, "The call being served was cancelled");
            return new RpcException(StatusCode.DeadlineExceeded, "Deadline exceeded");
        }

        public void Dispose() => _source?.Dispose();
    }
}
