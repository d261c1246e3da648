namespace Inspection.Recommendations.Application;

/// <summary>
/// The periodic sweep of the causes for concern: what time alone brings about (an improvement plan still missing
/// eight weeks after it was due) is met on no write, so every rule is evaluated at start-up and then every
/// <c>CausesForConcern:SweepEvery</c> (an hour by default) on the host's TimeProvider. Two replicas sweeping at once
/// are safe: a flag's unique key lets one of them raise it. A failed sweep is logged and the next one tries again.
/// </summary>
public sealed class ConcernSweep(
    CausesForConcern concerns, DatabaseReadiness readiness, TimeProvider clock, IConfiguration configuration, ILogger<ConcernSweep> logger) : BackgroundService
{
    public static readonly TimeSpan DefaultEvery = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = configuration.GetValue("CausesForConcern:SweepEvery", DefaultEvery);
        await readiness.WaitUntilReadyAsync(stoppingToken);
        using var timer = new PeriodicTimer(every, clock);
        do
        {
            await SweepOnceAsync(stoppingToken);
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One sweep: the number of flags it raised (none when it failed, logged).</summary>
    public async Task<int> SweepOnceAsync(CancellationToken ct)
    {
        AuditActor.Current = new AuditActor("system:concern-sweep", null, null);
        try
        {
            var raised = await concerns.RaiseAsync(ct);
            if (raised.Count > 0) logger.LogInformation("Causes for concern sweep raised {Count} flag(s)", raised.Count);
            return raised.Count;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Causes for concern sweep failed; the next sweep tries again");
            return 0;
        }
    }
}
