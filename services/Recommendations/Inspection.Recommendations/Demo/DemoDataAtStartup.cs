using Inspection.Data;
using Inspection.ServiceDefaults;

namespace Inspection.Recommendations.Demo;

/// <summary>
/// Loads the demo data once the database is migrated (run with <c>--DemoData:Load=true</c> or <c>DemoData__Load=true</c>).
/// The host reports NOT_SERVING until the load is done, so "ready" means the demo data is there; a failed load stops the host.
/// </summary>
public sealed class DemoDataAtStartup(DemoData demo, DemoConcerns concerns, DatabaseReadiness readiness, HealthState health, ILogger<DemoDataAtStartup> logger) : BackgroundService
{
    private volatile bool _loaded;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        health.AddCheck(() => _loaded);
        await readiness.WaitUntilReadyAsync(stoppingToken);
        var result = await demo.LoadAsync(stoppingToken);
        logger.LogInformation("Demo data loaded: {Result}", result);
        logger.LogInformation("Causes for concern raised over the demo data: {Raised}", await concerns.RaiseAsync(stoppingToken));
        _loaded = true;
    }
}
