namespace Inspection.Scoring.Application;

/// <summary>
/// Once the database is migrated, stores the figures of every inspection that was published before figures were
/// stored (issue 19): what the computation gives now, as version 1 marked "backfill". Recommendation tracking says
/// which inspections are published; while it cannot be reached this retries (every 5 s, for up to 10 minutes).
/// Until it has run, such an inspection's figures are computed, as they always were.
/// </summary>
public sealed class FiguresPublishedBeforeAtStartup(
    PublishedRecord record, DatabaseReadiness readiness, TimeProvider clock, ILogger<FiguresPublishedBeforeAtStartup> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitUntilReadyAsync(stoppingToken);
        var until = clock.GetUtcNow().AddMinutes(10);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var stored = await record.StoreFiguresPublishedBeforeAsync(stoppingToken);
                if (stored > 0) logger.LogInformation("Stored the figures of {Count} inspections published before figures were stored", stored);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Never stops the host: the inspections keep being computed, as before, and the next start tries again.
                if (clock.GetUtcNow() >= until)
                {
                    logger.LogWarning(e, "The figures of inspections published before were not stored; the next start tries again");
                    return;
                }
                logger.LogInformation("Storing the figures of inspections published before waits: {Reason}", e.Message);
            }
            await Task.Delay(TimeSpan.FromSeconds(5), clock, stoppingToken);
        }
    }
}
