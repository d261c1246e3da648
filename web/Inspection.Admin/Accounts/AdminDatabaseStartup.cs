using Dapper;
using Inspection.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Inspection.Admin.Accounts;

/// <summary>
/// Brings the admin's database up for the life of the host: waits for PostgreSQL, applies the embedded migrations
/// (Inspection.Data's readiness loop runs the Migrator), creates the first administrator, then keeps probing.
/// The admin starts even while PostgreSQL is down; /health/ready says when it can sign people in.
/// </summary>
public sealed class AdminDatabaseStartup(
    DatabaseReadiness readiness, FirstAdministrator firstAdministrator, IKeyManager keyManager, IDataProtectionProvider protection, DirectDataSource direct,
    IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<AdminDatabaseStartup> logger) : BackgroundService
{
    // Serialises "make the first data-protection key" across admin copies starting together on an empty database.
    private const long KeyRingLock = 0x496E_734B_6579_73; // "InsKeys"

    private volatile bool _accountsReady;

    /// <summary>The database is reachable and migrated, an administrator and the key ring exist.</summary>
    public bool IsReady => _accountsReady && readiness.IsReady;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loop = readiness.RunAsync(stoppingToken);
        try
        {
            await readiness.WaitUntilReadyAsync(stoppingToken);
            await EnsureFirstAdministratorAsync(stoppingToken);
            await Task.WhenAll(loop, RenewKeyRingAsync(stoppingToken));
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

    /// <summary>
    /// One usable data-protection key in the database before any page is served: copies starting together take turns
    /// (a session advisory lock, on the direct connection), so they share one key instead of each making its own. Data
    /// protection's own key generation is off (AccountsExtensions): its start-up warm-up made a key of its own,
    /// outside this lock, when another copy had just migrated the database.
    /// </summary>
    private async Task EnsureKeyRingAsync(CancellationToken ct)
    {
        await using var connection = await direct.DataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("select pg_advisory_lock(@key)", new { key = KeyRingLock }, cancellationToken: ct));
        try
        {
            var now = clock.GetUtcNow();
            var keys = keyManager.GetAllKeys().Where(k => !k.IsRevoked).ToList();
            var active = keys.Any(k => k.ActivationDate <= now && k.ExpirationDate > now);
            var successor = keys.Any(k => k.ExpirationDate > now.AddDays(7));
            if (!active || !successor)
            {
                // A successor starts two days on, so every copy has read it (rings refresh daily) before it is used.
                var activation = active ? now.AddDays(2) : now;
                keyManager.CreateNewKey(activation, activation.AddDays(90));
                logger.LogInformation("Made the admin's data-protection key, active from {Activation:u} (kept in its database, shared by every copy)", activation);
            }
        }
        finally
        {
            await connection.ExecuteAsync("select pg_advisory_unlock(@key)", new { key = KeyRingLock });
        }
        // Loads the ring now, not at the first sign-in.
        protection.CreateProtector("key-ring-loaded").Protect([1]);
    }

    // Twice a day, so a long-running copy makes the successor key before the current one runs out.
    private async Task RenewKeyRingAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(12), clock);
        while (await timer.WaitForNextTickAsync(ct))
        {
            try
            {
                await EnsureKeyRingAsync(ct);
            }
            catch (Npgsql.NpgsqlException e) when (e.IsTransient)
            {
                logger.LogWarning("The admin's database was away when renewing the data-protection key; trying again at the next turn");
            }
        }
    }

    private async Task EnsureFirstAdministratorAsync(CancellationToken ct)
    {
        for (var delay = TimeSpan.FromMilliseconds(200); ; delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks)))
        {
            try
            {
                await firstAdministrator.EnsureAsync(ct);
                await EnsureKeyRingAsync(ct);
                _accountsReady = true;
                return;
            }
            catch (Npgsql.NpgsqlException e) when (e.IsTransient)
            {
                logger.LogWarning("The admin's database went away while creating the first administrator or key; retrying");
                await Task.Delay(delay, ct);
            }
        }
    }
}
