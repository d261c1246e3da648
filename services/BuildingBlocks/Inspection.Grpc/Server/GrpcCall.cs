using System.Buffers;
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

    public async Task<T> ReadRequestAsync<T>(MessageParser<T> parser) where T : IMessage<T>
    {
        var reader = http.Request.BodyReader;
        var encoding = http.Request.Headers["grpc-encoding"].ToString();
        while (true)
        {
            var result = await reader.ReadAsync(Context.CancellationToken);
            var buffer = result.Buffer;
            try
            {
                if (GrpcFraming.TryReadFrame(ref buffer, options.MaxReceiveMessageSize, out var compressed, out var payload))
                {
                    var message = GrpcFraming.Parse(parser, payload, compressed, encoding.Length == 0 ? null : encoding, options.MaxReceiveMessageSize);
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

    public Task InterceptAsync(Func<Task> handler)
    {
        var next = handler;
        for (var i = interceptors.Count - 1; i >= 0; i--)
        {
            var interceptor = interceptors[i];
            var inner = next;
            next = () => interceptor.InterceptAsync(Context, inner);
        }
        return next();
    }

    public async Task WriteMessageAsync(IMessage message, bool flush)
    {
        await _writeLock.WaitAsync();
        try
        {
            if (_completed) throw new OperationCanceledException("The call has already completed");
            EnsureHeaders();
            GrpcFraming.WriteFrame(http.Response.BodyWriter, message);
            if (flush) await http.Response.BodyWriter.FlushAsync(Context.CancellationToken);
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
            if (!_headersSent)
            {
                http.Response.StatusCode = StatusCodes.Status200OK;
                http.Response.ContentType = "application/grpc";
                var headers = http.Response.Headers;
                headers["grpc-status"] = ((int)status.StatusCode).ToString();
                if (status.Detail.Length > 0) headers["grpc-message"] = StatusMessageEncoding.Encode(status.Detail);
                if (details is not null) headers[StatusDetails.TrailerName] = details;
                foreach (var entry in Context.ResponseTrailers) headers.Append(entry.Key, Wire(entry));
                return true;
            }
            http.Response.AppendTrailer("grpc-status", ((int)status.StatusCode).ToString());
            if (status.Detail.Length > 0) http.Response.AppendTrailer("grpc-message", StatusMessageEncoding.Encode(status.Detail));
            if (details is not null) http.Response.AppendTrailer(StatusDetails.TrailerName, details);
            foreach (var entry in Context.ResponseTrailers) http.Response.AppendTrailer(entry.Key, Wire(entry));
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

    private static string Wire(Metadata.Entry entry) =>
        entry.ValueBytes is { } bytes ? Convert.ToBase64String(bytes) : entry.Value ?? "";
}
