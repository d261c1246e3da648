using System.Diagnostics;
using System.Diagnostics.Metrics;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Inspection.ServiceDefaults;

/// <summary>
/// rpc.server.call.duration (OpenTelemetry's RPC semantic conventions, the same attributes the server spans carry:
/// rpc.system.name, rpc.method, rpc.response.status_code) for every gRPC call, and inspection.rpc.refusals for those
/// refused for the caller's reason. Measured around the whole pipeline (a startup filter, so before authentication),
/// because a call refused by the RPC policy never reaches an interceptor: the status is read from the trailers, or from
/// the headers of a trailers-only answer. ASP.NET Core's own http.server.request.duration sees every gRPC call as 200.
/// </summary>
public sealed class RpcMetrics
{
    public const string MeterName = "Inspection.Rpc";

    /// <summary>The RPC an unknown path is counted under, so a scan of made-up paths cannot blow up the series.</summary>
    public const string OtherMethod = "_OTHER";

    private static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];
    private static readonly Dictionary<int, string> StatusNames = Enum.GetValues<StatusCode>()
        .ToDictionary(code => (int)code, code => ScreamingSnake(code.ToString()));

    private readonly Histogram<double> _duration;
    private readonly ProductMetrics _product;

    public RpcMetrics(IMeterFactory meters, ProductMetrics product)
    {
        _duration = meters.Create(MeterName).CreateHistogram("rpc.server.call.duration", "s",
            "Duration of gRPC calls served, by method and status", tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });
        _product = product;
    }

    /// <summary>The statuses that are the caller's doing (a refusal), as opposed to the server's faults.</summary>
    public static readonly IReadOnlySet<string> Refusals = new HashSet<string>
    {
        "INVALID_ARGUMENT", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "UNAUTHENTICATED", "FAILED_PRECONDITION",
        "ABORTED", "OUT_OF_RANGE", "RESOURCE_EXHAUSTED",
    };

    internal async Task MeasureAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true)
        {
            await next(context);
            return;
        }
        var started = Stopwatch.GetTimestamp();
        var status = "UNKNOWN";
        try
        {
            await next(context);
            status = StatusOf(context);
        }
        finally
        {
            var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is { } grpc
                ? grpc.Method.FullName.TrimStart('/')
                : OtherMethod;
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new TagList
            {
                { "rpc.system.name", "grpc" }, { "rpc.method", method }, { "rpc.response.status_code", status },
            });
            if (Refusals.Contains(status)) _product.Refused(method, status);
        }
    }

    private static string StatusOf(HttpContext context)
    {
        var trailers = context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers;
        var value = trailers is not null && trailers.TryGetValue("grpc-status", out var t) ? t.ToString()
            : context.Response.Headers.TryGetValue("grpc-status", out var h) ? h.ToString() : null;
        return int.TryParse(value, out var code) && StatusNames.TryGetValue(code, out var name) ? name : "UNKNOWN";
    }

    private static string ScreamingSnake(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) && char.IsLower(pascal[i - 1]) ? "_" + c : char.ToUpperInvariant(c).ToString()));

    /// <summary>Puts the measurement in front of everything else the host's pipeline does.</summary>
    internal sealed class StartupFilter(RpcMetrics metrics) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, inner) => metrics.MeasureAsync(context, inner));
            next(app);
        };
    }
}
