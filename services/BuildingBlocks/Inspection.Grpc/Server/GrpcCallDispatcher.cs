using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
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
    // The longest wait a CancellationTokenSource timer takes (about 49.7 days); a longer grpc-timeout is no deadline in practice.
    private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly GrpcServerOptions _options = options.Value;

    public Task InvokeAsync(HttpContext http)
    {
        var contentType = http.Request.ContentType;
        var isGrpcType = contentType is not null && IsGrpcContentType(contentType);
        var onGrpcPort = _options.GrpcPorts.Contains(http.Connection.LocalPort);
        if (!isGrpcType && !onGrpcPort) return next(http);

        if (!isGrpcType)
        {
            // The HTTP status is what gRPC clients read here; the grpc-status is for those that look: the caller's
            // error, so INVALID_ARGUMENT rather than the INTERNAL grpc-dotnet sends (INTERNAL is for our own faults).
            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            http.Response.Headers["grpc-status"] = ((int)StatusCode.InvalidArgument).ToString();
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
        var media = contentType.AsSpan();
        var semicolon = media.IndexOf(';');
        if (semicolon >= 0) media = media[..semicolon];
        media = media.Trim();
        return media.Equals("application/grpc", StringComparison.OrdinalIgnoreCase)
            || media.Equals("application/grpc+proto", StringComparison.OrdinalIgnoreCase);
    }

    private async Task DispatchAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        var method = registry.Find(path);
        string fullName, serviceName, methodName;
        if (method is not null) (fullName, serviceName, methodName) = (method.FullName, method.ServiceName, method.MethodName);
        else
        {
            fullName = path.TrimStart('/');
            var slash = fullName.IndexOf('/');
            serviceName = slash > 0 ? fullName[..slash] : fullName;
            methodName = slash > 0 ? fullName[(slash + 1)..] : "";
        }

        using var activity = GrpcTelemetry.Source.HasListeners() ? GrpcTelemetry.StartServer(serviceName, methodName, fullName, ParentContext(http)) : null;

        // The receive limit applies per message (GrpcFraming); Kestrel's whole-body limit would cut long calls short.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit) bodyLimit.MaxRequestBodySize = null;

        // The call's token: the caller going away, and the deadline when there is one (a timer only then).
        var deadline = DateTime.MaxValue;
        CancellationTokenSource? deadlineTimer = null;
        var badTimeout = false;
        string? timeoutHeader = null;
        if (http.Request.Headers.TryGetValue("grpc-timeout", out var timeoutValues))
        {
            timeoutHeader = timeoutValues.ToString();
            if (!GrpcTimeout.TryParse(timeoutHeader, out var timeout)) badTimeout = true;
            else if (timeout < LongestTimer)
            {
                deadline = DateTime.UtcNow + timeout;
                deadlineTimer = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
                deadlineTimer.CancelAfter(timeout);
            }
        }
        using var _ = deadlineTimer;
        var callToken = deadlineTimer?.Token ?? http.RequestAborted;

        var context = new ServerCallContext(http, fullName, deadline, callToken);
        var interceptors = http.RequestServices.GetServices<IServerCallInterceptor>();
        var call = new GrpcCall(http, context, _options, interceptors as IReadOnlyList<IServerCallInterceptor> ?? interceptors.ToList());
        // Set for the handler's flow only: an async method's changes to async-locals never reach its caller.
        ServerCallContext.Current = context;
        var status = Status.Ok;
        IReadOnlyList<Inspection.Domain.FieldViolation> violations = [];
        Task? abandoned = null;
        try
        {
            if (badTimeout)
                throw new RpcException(StatusCode.InvalidArgument, $"grpc-timeout header '{timeoutHeader}' is malformed");
            if (http.Request.Headers.GrpcEncoding() is { } encoding && encoding is not ("identity" or "gzip"))
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
                var expired = Task.Delay(Timeout.InfiniteTimeSpan, callToken);
                if (await Task.WhenAny(running, expired) != running)
                {
                    abandoned = running;
                    throw new OperationCanceledException(callToken);
                }
            }
            await running;
        }
        catch (OperationCanceledException) when (callToken.IsCancellationRequested)
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

        // a message may quote the caller's input: bounded so that every client can read the status headers
        if (status.StatusCode != StatusCode.OK) (status, violations) = StatusBounds.Apply(status, violations);
        string? details = status.StatusCode != StatusCode.OK ? StatusDetails.Encode(status, violations) : null;
        await call.CompleteAsync(status, details);
        GrpcTelemetry.Complete(activity, status.StatusCode, server: true);

        if (abandoned is not null)
        {
            // The caller has its status now; the request (and its HttpContext) stays open until the handler that
            // ignored its token gives up, so it can never touch a context Kestrel has handed to another request.
            try { await http.Response.CompleteAsync(); } catch (Exception e) when (e is IOException or InvalidOperationException or OperationCanceledException) { }
            try { await abandoned; } catch (Exception e) { logger.LogDebug(e, "{Method} ended after its deadline", fullName); }
        }
    }

    private static ActivityContext ParentContext(HttpContext http)
    {
        // The caller's span is the parent (traceparent), so the trace reads client span -> server span even when
        // ASP.NET Core started a request span of its own; with no traceparent, whatever span is current.
        var headers = http.Request.Headers;
        if (headers.TryGetValue("traceparent", out var traceparent)
            && ActivityContext.TryParse(traceparent.ToString(), headers.TryGetValue("tracestate", out var state) ? state.ToString() : null, isRemote: true, out var parsed))
            return parsed;
        return Activity.Current?.Context ?? default;
    }
}
