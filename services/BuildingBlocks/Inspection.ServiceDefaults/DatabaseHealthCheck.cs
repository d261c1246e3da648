using Inspection.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Inspection.ServiceDefaults;

/// <summary>Ready when the service's database is reachable and migrated (the readiness loop keeps it current).</summary>
internal sealed class DatabaseHealthCheck(DatabaseReadiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.IsReady
            ? HealthCheckResult.Healthy("database reachable and migrated")
            : HealthCheckResult.Unhealthy("database unavailable", readiness.LastFailure));
}
