using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inspection.Grpc;

/// <summary>
/// The middleware that turns an HTTP/2 request into a gRPC call: content type, routing by :path, deadline,
/// the service method, and the status at the end, whatever happened.
/// </summary>
internal sealed class GrpcCallDispatcher(RequestDelegate next, GrpcServiceRegistry registry, IOptions<GrpcServerOptions> options, ILogger<GrpcCallDispatcher> logger)
{
    private readonly GrpcServerOptions _options = options.Value;

    public Task InvokeAsync(HttpContext http)
    {
        var contentType = http.Request.ContentType;
        var isGrpcType = contentType is not null && IsGrpcContentType(contentType);
        var onGrpcPort = _options.GrpcPorts.Contains(http.Connection.LocalPort);
        if (!isGrpcType && !onGrpcPort) return next(http);

        if (!isGrpcType)
        {
            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            http.Response.Headers["grpc-status"] = ((int)StatusCode.Internal).ToString();
            http.Response.Headers["grpc-message"] = StatusMessageEncoding.Encode($"Content-Type '{contentType}' is not supported; use application/grpc");
            return Task.CompletedTask;
        }
        if (http.Request.Protocol != "HTTP/2" || !HttpMethods.IsPost(http.Request.Method))
        {
            http.Response.StatusCode = http.Request.Protocol != "HTTP/2" ? StatusCodes.Status426UpgradeRequired : StatusCodes.Status405MethodNotAllowed;
            return Task.CompletedTask;
        }
        return DispatchAsync(http);
    }

    // application/grpc, application/grpc+proto; not application/grpc-web or +json (we only speak protobuf)
    private static bool IsGrpcContentType(string contentType)
    {
        var semicolon = contentType.IndexOf(';');
        var media = (semicolon < 0 ? contentType : contentType[..semicolon]).Trim();
        return media.Equals("application/grpc", StringComparison.OrdinalIgnoreCase)
            || media.Equals("application/grpc+proto", StringComparison.OrdinalIgnoreCase);
    }

    private async Task DispatchAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        var method = registry.Find(path);
        var fullName = path.TrimStart('/');
        var slash = fullName.IndexOf('/');
        var serviceName = method?.ServiceName ?? (slash > 0 ? fullName[..slash] : fullName);
        var methodName = method?.MethodName ?? (slash > 0 ? fullName[(slash + 1)..] : "");

        using var activity = GrpcTelemetry.StartServer(serviceName, methodName, fullName, ParentContext(http));

        var deadline = DateTime.MaxValue;
        using var callCancellation = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        var timeoutHeader = http.Request.Headers["grpc-timeout"].ToString();
        var badTimeout = false;
        if (timeoutHeader.Length > 0)
        {
            if (GrpcTimeout.TryParse(timeoutHeader, out var timeout))
            {
                deadline = timeout > TimeSpan.FromDays(365) ? DateTime.MaxValue : DateTime.UtcNow + timeout;
                if (deadline != DateTime.MaxValue) callCancellation.CancelAfter(timeout);
            }
            else badTimeout = true;
        }

        var context = new ServerCallContext(http, fullName, deadline, callCancellation.Token, RequestMetadata(http));
        var interceptors = http.RequestServices.GetServices<IServerCallInterceptor>().ToList();
        var call = new GrpcCall(http, context, _options, interceptors);
        var previous = ServerCallContext.Current;
        ServerCallContext.Current = context;
        var status = Status.Ok;
        IReadOnlyList<Inspection.Domain.FieldViolation> violations = [];
        try
        {
            if (badTimeout)
                throw new RpcException(StatusCode.InvalidArgument, $"grpc-timeout header '{timeoutHeader}' is malformed");
            var encoding = http.Request.Headers["grpc-encoding"].ToString();
            if (encoding.Length > 0 && encoding is not ("identity" or "gzip"))
            {
                http.Response.Headers["grpc-accept-encoding"] = "identity,gzip";
                throw new RpcException(StatusCode.Unimplemented, $"grpc-encoding '{encoding}' is not supported; use identity or gzip");
            }
            if (method is null)
                throw new RpcException(StatusCode.Unimplemented, registry.Serves(serviceName)
                    ? $"Method {fullName} is not implemented by this server"
                    : $"Service {serviceName} is not served here");

            var service = registry.CreateService(method, http.RequestServices);
            var running = method.RunAsync(call, service);
            if (deadline != DateTime.MaxValue && !running.IsCompleted)
            {
                // The deadline is the caller's: answer DEADLINE_EXCEEDED when it passes, even if the handler ignores its token.
                var expired = Task.Delay(Timeout.InfiniteTimeSpan, callCancellation.Token);
                if (await Task.WhenAny(running, expired) != running)
                {
                    _ = running.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
                    throw new OperationCanceledException(callCancellation.Token);
                }
            }
            await running;
        }
        catch (OperationCanceledException) when (callCancellation.IsCancellationRequested)
        {
            status = http.RequestAborted.IsCancellationRequested
                ? new Status(StatusCode.Cancelled, "The caller cancelled the call")
                : new Status(StatusCode.DeadlineExceeded, "Deadline exceeded");
        }
        catch (Exception exception)
        {
            var traceId = Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
            (status, violations, var unexpected) = ExceptionStatus.From(exception, _options, traceId);
            if (unexpected)
                logger.LogError(exception, "Unhandled exception in {Method} (trace id {TraceId})", fullName, traceId);
            else if (status.StatusCode == StatusCode.Internal)
                logger.LogWarning("{Method} ended {Status}: {Detail}", fullName, status.StatusCode, status.Detail);
        }
        finally
        {
            ServerCallContext.Current = previous;
        }

        string? details = status.StatusCode != StatusCode.OK ? StatusDetails.Encode(status, violations) : null;
        await call.CompleteAsync(status, details);
        GrpcTelemetry.Complete(activity, status.StatusCode, server: true);
    }

    private static ActivityContext ParentContext(HttpContext http)
    {
        // ASP.NET Core's own request span already continued the caller's trace when something listens to it.
        if (Activity.Current is { } current) return current.Context;
        var traceparent = http.Request.Headers["traceparent"].ToString();
        return ActivityContext.TryParse(traceparent, http.Request.Headers["tracestate"].ToString(), out var parsed) ? parsed : default;
    }

    private static Metadata RequestMetadata(HttpContext http)
    {
        var metadata = new Metadata();
        foreach (var (key, values) in http.Request.Headers)
        {
            if (key.StartsWith(':') || key.StartsWith("grpc-", StringComparison.OrdinalIgnoreCase) || key is "content-type" or "te") continue;
            foreach (var value in values)
            {
                if (value is null) continue;
                if (key.EndsWith("-bin", StringComparison.OrdinalIgnoreCase))
                {
                    try { metadata.Add(key, Convert.FromBase64String(value.PadRight(value.Length + (4 - value.Length % 4) % 4, '='))); }
                    catch (FormatException) { /* a malformed binary header is dropped, as peers do */ }
                }
                else metadata.Add(key, value);
            }
        }
        return metadata;
    }
}
