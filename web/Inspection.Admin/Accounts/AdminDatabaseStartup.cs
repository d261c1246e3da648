using Inspection.Data;

namespace Inspection.Admin.Accounts;

/// <summary>
/// Brings the admin's database up for the life of the host: waits for PostgreSQL, applies the embedded migrations
/// (Inspection.Data's readiness loop runs the Migrator), creates the first administrator, then keeps probing.
/// The admin starts even while PostgreSQL is down; /health/ready says when it can sign people in.
/// </summary>
public sealed class AdminDatabaseStartup(
    DatabaseReadiness readiness, FirstAdministrator firstAdministrator, IHostApplicationLifetime lifetime, ILogger<AdminDatabaseStartup> logger) : BackgroundService
{
    private volatile bool _accountsReady;

    /// <summary>The database is reachable and migrated, and an administrator exists.</summary>
    public bool IsReady => _accountsReady && readiness.IsReady;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loop = readiness.RunAsync(stoppingToken);
        try
        {
            await readiness.WaitUntilReadyAsync(stoppingToken);
            await EnsureFirstAdministratorAsync(stoppingToken);
            await loop;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // An edited migration or similar: retrying cannot fix it, so stop loudly.
            logger.LogCritical(e, "The admin's database could not be brought up");
            lifetime.StopApplication();
        }
    }

    private async Task EnsureFirstAdministratorAsync(CancellationToken ct)
    {
        for (var delay = TimeSpan.FromMilliseconds(200); ; delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks)))
        {
            try
            {
                await firstAdministrator.EnsureAsync(ct);
                _accountsReady = true;
                return;
            }
            catch (Npgsql.NpgsqlException e) when (e.IsTransient)
            {
                logger.LogWarning("The admin's database went away while creating the first administrator; retrying");
                await Task.Delay(delay, ct);
            }
        }
    }
}
