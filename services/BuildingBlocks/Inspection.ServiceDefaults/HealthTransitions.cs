using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Inspection.ServiceDefaults;

/// <summary>
/// Logs each check's status when it changes, once. The health check service itself logs every unhealthy result at
/// error level, once a second while the publisher runs, which buries an outage under its own noise; its category is
/// turned down to critical and this publisher says what changed and why.
/// </summary>
internal sealed class HealthTransitions(ILogger<HealthTransitions> logger) : IHealthCheckPublisher
{
    public const string NoisyCategory = "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService";

    private readonly Dictionary<string, HealthStatus> _last = [];
    private readonly Lock _gate = new();

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var (name, entry) in report.Entries)
            {
                var known = _last.TryGetValue(name, out var before);
                if (known && before == entry.Status) continue;
                _last[name] = entry.Status;
                if (entry.Status == HealthStatus.Healthy)
                {
                    if (known) logger.LogInformation("Health check {Check} is {Status} again ({Description})", name, entry.Status, entry.Description);
                }
                else
                {
                    logger.LogWarning(entry.Exception, "Health check {Check} is {Status}: {Description}", name, entry.Status, entry.Description);
                }
            }
        }
        return Task.CompletedTask;
    }
}
