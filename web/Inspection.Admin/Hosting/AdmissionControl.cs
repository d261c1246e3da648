using System.Globalization;
using System.Threading.RateLimiting;

namespace Inspection.Admin.Hosting;

/// <summary>
/// Admission control (issue 24): at most Admission:ConcurrentRequests requests are worked on at once in this copy of the
/// admin (default four per core), and the rest wait their turn in arrival order, up to Admission:QueueLimit. Without it,
/// load beyond what the machine can serve put every page in flight at once, each fanning out into several service
/// calls: the services' queues grew past the calls' 10 s deadline and staff got the error page. With it, such load
/// makes pages slower, not failed. Past the queue a request is answered 503 with Retry-After (the GOV.UK "unavailable"
/// page); a request whose browser gave up while waiting leaves the queue. Probes and the error page are never queued.
/// </summary>
public static class AdmissionControl
{
    public static WebApplicationBuilder AddAdmissionControl(this WebApplicationBuilder builder)
    {
        var concurrent = builder.Configuration.GetValue<int?>("Admission:ConcurrentRequests") ?? 4 * Environment.ProcessorCount;
        var queue = builder.Configuration.GetValue<int?>("Admission:QueueLimit") ?? 1_000;
        if (concurrent < 1) throw new InvalidOperationException("Admission:ConcurrentRequests must be 1 or more");
        if (queue < 0) throw new InvalidOperationException("Admission:QueueLimit must be 0 or more");
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Exempt(context.Request.Path)
                ? RateLimitPartition.GetNoLimiter("exempt")
                : RateLimitPartition.GetConcurrencyLimiter("requests", _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = concurrent, QueueLimit = queue, QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                }));
            limiter.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            limiter.OnRejected = (rejected, _) =>
            {
                rejected.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        return builder;
    }

    private const int RetryAfterSeconds = 5;

    // The probes must answer while the admin is busy (a busy copy is not a dead one), and the error page is re-executed
    // for a refused request: queueing either would refuse it again.
    private static bool Exempt(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/error") || path.StartsWithSegments("/metrics");
}
