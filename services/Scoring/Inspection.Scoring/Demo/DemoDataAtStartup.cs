using Inspection.ServiceDefaults;

namespace Inspection.Scoring.Demo;

/// <summary>
/// Loads the demo data once the database is migrated (<c>--DemoData:Load=true</c> or <c>DemoData__Load=true</c>).
/// Recommendation tracking registers the reference inspections from its own demo data, possibly after this host starts,
/// so the load is retried (every 2 s, for up to DemoData:WaitSeconds, default 120) until every one is recorded.
/// The host reports NOT_SERVING until the load has finished.
/// </summary>
public sealed class DemoDataAtStartup(
    DemoData demo, DatabaseReadiness readiness, HealthState health, IConfiguration configuration, TimeProvider clock, ILogger<DemoDataAtStartup> logger)
    : StartupLoad(health)
{
    protected override async Task LoadAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitUntilReadyAsync(stoppingToken);
        var until = clock.GetUtcNow().AddSeconds(configuration.GetValue<int?>("DemoData:WaitSeconds") ?? 120);
        while (true)
        {
            try
            {
                var outcome = await demo.LoadAsync(stoppingToken);
                var waiting = outcome.Where(o => o.Contains("not registered", StringComparison.Ordinal)).ToList();
                if (waiting.Count == 0 || clock.GetUtcNow() >= until)
                {
                    logger.LogInformation("Demo data: {Outcome}", string.Join("; ", outcome));
                    break;
                }
            }
            catch (global::Grpc.Core.RpcException e) when (clock.GetUtcNow() < until)
            {
                logger.LogInformation("Demo data waits for recommendation tracking: {Status}", e.Status);
            }
            await Task.Delay(TimeSpan.FromSeconds(2), clock, stoppingToken);
        }
    }
}
