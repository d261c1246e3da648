using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Inspection.ServiceDefaults;

/// <summary>
/// Conditions of the host's own besides its database (today: demo data loaded when asked for), as one ASP.NET Core
/// health check: the gRPC health service and the HTTP readiness probe are SERVING only when every condition holds.
/// </summary>
public sealed class HealthState : IHealthCheck
{
    private readonly List<Func<bool>> _checks = [];
    private readonly Lock _gate = new();

    public void AddCheck(Func<bool> check)
    {
        lock (_gate) _checks.Add(check);
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        bool ready;
        lock (_gate) ready = _checks.TrueForAll(check => check());
        return Task.FromResult(ready ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("starting"));
    }
}
