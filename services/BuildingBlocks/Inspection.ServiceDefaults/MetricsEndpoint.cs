using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Inspection.ServiceDefaults;

/// <summary>
/// Prometheus scrapes each app at /metrics on its internal HTTP port (a service's probe port, the admin's metrics
/// port), never on the admin's public pages and never on the gRPC port: one target per replica, so `up` says which
/// replica is down. Open to anyone who can reach the port, like the probes.
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder endpoints, int internalPort)
    {
        endpoints.MapPrometheusScrapingEndpoint(Path).RequireHost($"*:{internalPort}").AllowAnonymous();
        return endpoints;
    }
}
