using Inspection.Data;

namespace Inspection.Recommendations.Demo;

/// <summary>Loads the demo data once the database is migrated (run with <c>--DemoData:Load=true</c>).</summary>
public sealed class DemoDataAtStartup(DemoData demo, DatabaseReadiness readiness, ILogger<DemoDataAtStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitUntilReadyAsync(stoppingToken);
        var result = await demo.LoadAsync(stoppingToken);
        logger.LogInformation("Demo data loaded: {Result}", result);
    }
}
