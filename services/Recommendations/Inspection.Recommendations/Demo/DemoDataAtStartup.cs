using Inspection.ServiceDefaults;

namespace Inspection.Recommendations.Demo;

/// <summary>
/// Loads the demo data (the reference inspections, then the fictional example of plans and reminders) once the database is migrated (run with <c>--DemoData:Load=true</c> or <c>DemoData__Load=true</c>).
/// The host reports NOT_SERVING until the load is done, so "ready" means the demo data is there; a failed load stops the host.
/// </summary>
public sealed class DemoDataAtStartup(
    DemoData demo, ExampleInspection example, DemoConcerns concerns, DatabaseReadiness readiness, HealthState health, ILogger<DemoDataAtStartup> logger) : StartupLoad(health)
{
    protected override async Task LoadAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitUntilReadyAsync(stoppingToken);
        var result = await demo.LoadAsync(stoppingToken);
        logger.LogInformation("Demo data loaded: {Result}", result);
        // The fictional example of the years between two inspections (responses, plans, updates, reminders).
        var written = await example.LoadAsync(stoppingToken);
        logger.LogInformation("Example inspection of {Provider}: {Written} new writes", ExampleInspection.ProviderName, written);
        // Then the rules over all of it: the example's second improvement plan never arrived, which one of them flags.
        logger.LogInformation("Causes for concern raised over the demo data: {Raised}", await concerns.RaiseAsync(stoppingToken));
    }
}
