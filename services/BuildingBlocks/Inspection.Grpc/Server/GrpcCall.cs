using Google.Protobuf;
using Microsoft.AspNetCore.Http;

namespace Inspection.Grpc;

/// <summary>
/// One call in progress on the server: reads the request frame, writes response frames and the final status.
/// Writes are serialised and stop once the status is sent, so a handler still running after its deadline
/// cannot write into a finished response.
/// </summary>
internal sealed class GrpcCall(HttpContext http, ServerCallContext context, GrpcServerOptions options, IReadOnlyList<IServerCallInterceptor> interceptors)
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private bool _completed;
    private bool _headersSent;

    public ServerCallContext Context { get; } = context;
    public bool ResponseStarted => _headersSent;

    /// <summary>
    /// Reads the call's one request message. The declared length is checked against the receive limit as soon as
    /// the five header bytes are in, before any of the message is buffered (RESOURCE_EXHAUSTED). A request that is
    /// not one well-formed message (truncated, two messages, none, a bad flag, bytes that do not parse) is the
    /// caller's error: INVALID_ARGUMENT, not the INTERNAL the gRPC spec suggests, which we keep for our own faults.
    /// </summary>
    public async ValueTask<T> ReadRequestAsync<T>(MessageParser<T> parser) where T : IMessage<T>
    {
        try
        {
            return await ReadOneRequestAsync(parser);
        }
        catch (Exception e) when (e is IOException or Microsoft.AspNetCore.Connections.ConnectionAbortedException)
        {
            // the caller reset the stream (or the connection went) before its message was in: its choice, not our fault
            throw new RpcException(StatusCode.Cancelled, "The caller reset the call before its request message arrived");
        }
    }

    private async ValueTask<T> ReadOneRequestAsync<T>(MessageParser<T> parser) where T : IMessage<T>
    {
        var reader = http.Request.BodyReader;
        var encoding = http.Request.Headers.GrpcEncoding();
        while (true)
        {
            // usually the whole request is already in (it came with the headers): take it without an await
            var result = reader.TryRead(out var ready) ? ready : await reader.ReadAsync(Context.CancellationToken);
            var buffer = result.Buffer;
            try
            {
                if (GrpcFraming.TryReadFrame(ref buffer, options.MaxReceiveMessageSize, out var compressed, out var payload, StatusCode.InvalidArgument))
                {
                    // unary and server-streaming calls carry exactly one request message
                    if (buffer.Length > 0)
                        throw new RpcException(StatusCode.InvalidArgument, "More than one request message on a call that takes one");
                    var message = GrpcFraming.Parse(parser, payload, compressed, encoding, options.MaxReceiveMessageSize, StatusCode.InvalidArgument);
                    NulCharacters.Refuse(message);
                    reader.AdvanceTo(buffer.Start);
                    return message;
                }
                if (result.IsCompleted)
                    throw new RpcException(StatusCode.InvalidArgument,
                        buffer.Length == 0 ? "Request ended without a message" : "Request ended inside a message frame (truncated frame)");
                reader.AdvanceTo(buffer.Start, buffer.End);
            }
            catch
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                throw;
            }
        }
    }

    public bool HasInterceptors => interceptors.Count > 0;

    public Task InterceptAsync(Func<Task> handler)
    {
        if (interceptors.Count == 0) return handler();
        var next = handler;
        for (var i = interceptors.Count - 1; i >= 0; i--)
        {
            var interceptor = interceptors[i];
            var inner = next;
            next = () => interceptor.InterceptAsync(Context, inner);
        }
        return next();
    }

    public async Task WriteMessageAsync(IMessage message, bool flush, CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            if (_completed) throw new OperationCanceledException("The call has already completed");
            EnsureHeaders();
            GrpcFraming.WriteFrame(http.Response.BodyWriter, message);
            if (flush)
            {
                if (cancellationToken.CanBeCanceled)
                {
                    using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, Context.CancellationToken);
                    await http.Response.BodyWriter.FlushAsync(linked.Token);
                }
                else await http.Response.BodyWriter.FlushAsync(Context.CancellationToken);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Ends the call with a status: in trailers after any messages, or as a trailers-only response (status in the
    /// headers, no body) when nothing was sent yet. Returns false if the call had already ended.
    /// </summary>
    public async Task<bool> CompleteAsync(Status status, string? details)
    {
        await _writeLock.WaitAsync();
        try
        {
            if (_completed) return false;
            _completed = true;
            if (http.RequestAborted.IsCancellationRequested) return true;
            var trailers = Context.ResponseTrailersIfAny;
            var code = StatusCodeText(status.StatusCode);
            if (!_headersSent)
            {
                http.Response.StatusCode = StatusCodes.Status200OK;
                http.Response.ContentType = "application/grpc";
                var headers = http.Response.Headers;
                headers["grpc-status"] = code;
                if (status.Detail.Length > 0) headers["grpc-message"] = StatusMessageEncoding.Encode(status.Detail);
                if (details is not null) headers[StatusDetails.TrailerName] = details;
                if (trailers is not null) foreach (var entry in trailers) headers.Append(entry.Key, Wire(entry));
                return true;
            }
            http.Response.AppendTrailer("grpc-status", code);
            if (status.Detail.Length > 0) http.Response.AppendTrailer("grpc-message", StatusMessageEncoding.Encode(status.Detail));
            if (details is not null) http.Response.AppendTrailer(StatusDetails.TrailerName, details);
            if (trailers is not null) foreach (var entry in trailers) http.Response.AppendTrailer(entry.Key, Wire(entry));
            return true;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private void EnsureHeaders()
    {
        if (_headersSent) return;
        _headersSent = true;
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/grpc";
        http.Response.Headers["grpc-accept-encoding"] = "identity,gzip";
    }

    private static readonly string[] CodeTexts = Enumerable.Range(0, 17).Select(i => i.ToString()).ToArray();

    private static string StatusCodeText(StatusCode code) => (uint)code < CodeTexts.Length ? CodeTexts[(int)code] : ((int)code).ToString();

    private static string Wire(Metadata.Entry entry) =>
        entry.ValueBytes is { } bytes ? Base64.Encode(bytes) : entry.Value ?? "";
}
