using Npgsql;

namespace Inspection.Recommendations.Data;

/// <summary>
/// One connection per replica that LISTENs on the change log's channel and wakes this replica's watchers whenever any
/// replica commits a change; it also prunes changes older than the retention. When the connection drops it reconnects
/// and wakes the watchers once more, in case a notification went while it was away (they read the log, the record).
/// </summary>
public sealed class ChangeLogListener(
    Database database, ChangeLogStore log, ChangeFeed feed, ChangeRetention retention, DatabaseReadiness readiness, TimeProvider clock,
    ILogger<ChangeLogListener> logger) : BackgroundService
{
    private static readonly TimeSpan ReconnectAfter = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitUntilReadyAsync(stoppingToken);
        var nextPrune = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Straight from the data source: a session of its own, not the audit actor's settings.
                await using var connection = await database.DataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => feed.Wake();
                await using (var listen = new NpgsqlCommand($"listen {ChangeLogStore.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                feed.Wake();
                while (true)
                {
                    if (clock.GetUtcNow() >= nextPrune)
                    {
                        var pruned = await log.PruneAsync(clock.GetUtcNow() - retention.Keep, stoppingToken);
                        if (pruned > 0) logger.LogInformation("Pruned {Count} change(s) older than {Days} days from the change log", pruned, retention.Keep.TotalDays);
                        nextPrune = clock.GetUtcNow() + ChangeRetention.PruneEvery;
                    }
                    await connection.WaitAsync(ChangeRetention.PruneEvery, stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "The change log listener lost its connection; reconnecting (watchers poll the log meanwhile)");
                try { await Task.Delay(ReconnectAfter, clock, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
