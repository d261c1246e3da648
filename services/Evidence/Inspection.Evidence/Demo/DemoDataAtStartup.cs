using Inspection.ServiceDefaults;

namespace Inspection.Evidence.Demo;

/// <summary>
/// Loads the demo data once the database is migrated (run with <c>--DemoData:Load=true</c> or <c>DemoData__Load=true</c>).
/// The host reports NOT_SERVING until the load is done, so "ready" means the demo data is there. The inspections
/// come from recommendation tracking; while it cannot be reached the load is retried.
/// </summary>
public sealed class DemoDataAtStartup(DemoData demo, DatabaseReadiness readiness, HealthState health, ILogger<DemoDataAtStartup> logger) : StartupLoad(health)
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    protected override async Task LoadAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitUntilReadyAsync(stoppingToken);
        while (true)
        {
            try
            {
                var log = await demo.LoadAsync(new Dictionary<string, string>(), stoppingToken);
                foreach (var line in log)
                {
                    if (line.StartsWith("skipped", StringComparison.Ordinal)) logger.LogWarning("Demo data: {Line}", line);
                    else logger.LogInformation("Demo data: {Line}", line);
                }
                break;
            }
            catch (UpstreamException e) when (e.Unreached && !stoppingToken.IsCancellationRequested)
            {
                logger.LogInformation("Demo data waits for recommendation tracking ({Reason}); retrying in {Delay}", e.Status.Detail, RetryDelay);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }
}
