using Inspection.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Inspection.ServiceDefaults;

/// <summary>
/// inspection.database.reachable: 1 while this replica's database answers and is migrated, 0 while it is away (the
/// readiness loop's own view, probed every 2 s), for the DatabaseUnreachable alert. Absent in a host without a database.
/// </summary>
internal sealed class DatabaseReachability(IServiceProvider services, ProductMetrics metrics) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<DatabaseReadiness>() is { } readiness)
            metrics.ObserveDatabase(() => readiness.IsReady);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
