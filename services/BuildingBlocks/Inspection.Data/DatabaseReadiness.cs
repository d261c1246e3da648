using System.Net.Sockets;
using System.Reflection;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Inspection.Data;

/// <summary>
/// Whether the service's database is reachable and migrated. A service may start before PostgreSQL:
/// <see cref="RunAsync"/> keeps trying to connect and migrate (with capped backoff), then keeps probing,
/// so <see cref="IsReady"/> follows PostgreSQL going away and coming back. Transport-free: the host maps
/// <see cref="ReadinessChanged"/> to its health service (SERVING / NOT_SERVING).
/// </summary>
/// <remarks>
/// Probes and migrations use <paramref name="direct"/> when given (a small pool of their own, past any pooler): a call
/// pool that is full is a busy database, not an absent one, and must not make the service NOT_SERVING.
/// </remarks>
public sealed class DatabaseReadiness(
    NpgsqlDataSource dataSource, Assembly migrationsAssembly, ILogger<DatabaseReadiness>? logger = null, DirectDataSource? direct = null)
{
    private readonly NpgsqlDataSource _probe = direct?.DataSource ?? dataSource;
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;
    private readonly Lock _gate = new();
    private TaskCompletionSource _ready = NewSignal();
    private volatile bool _isReady;
    private bool _migrated;

    /// <summary>Delay between probes while ready.</summary>
    public TimeSpan ProbeInterval { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>First retry delay while not ready; doubles up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan InitialRetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>A probe slower than this counts as a failure (a hung server is not a ready one).</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public bool IsReady => _isReady;

    /// <summary>The last reason the database was not ready; null while ready.</summary>
    public Exception? LastFailure { get; private set; }

    /// <summary>Raised with the new value each time <see cref="IsReady"/> flips.</summary>
    public event Action<bool>? ReadinessChanged;

    /// <summary>
    /// Completes when the database is ready (at once if it is). Faults if start-up hit a problem retrying
    /// cannot fix, such as an edited migration.
    /// </summary>
    public Task WaitUntilReadyAsync(CancellationToken ct)
    {
        lock (_gate) return _ready.Task.WaitAsync(ct);
    }

    /// <summary>
    /// Connects and migrates (retrying transient failures), then probes until <paramref name="ct"/> is cancelled.
    /// Throws when migrating fails for a reason retrying cannot fix, so the host stops loudly.
    /// </summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var retryDelay = InitialRetryDelay;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                if (_migrated)
                {
                    timeout.CancelAfter(ProbeTimeout);
                    await using var connection = await _probe.OpenConnectionAsync(timeout.Token).ConfigureAwait(false);
                    await connection.ExecuteScalarAsync<int>(new CommandDefinition("select 1", cancellationToken: timeout.Token)).ConfigureAwait(false);
                }
                else
                {
                    // Migrations may legitimately take long (or wait for another instance's lock): no probe timeout.
                    await Migrator.ApplyAsync(_probe, migrationsAssembly, ct).ConfigureAwait(false);
                    _migrated = true;
                }
                SetReady(true, null);
                retryDelay = InitialRetryDelay;
                await Task.Delay(ProbeInterval, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (IsTransient(e))
            {
                if (_isReady) _logger.LogWarning(e, "Database became unreachable");
                else _logger.LogInformation("Database not ready yet ({Reason}); retrying in {Delay}", e.Message, retryDelay);
                // Pooled connections to a server that went away are dead; drop them so callers get fresh ones. A probe
                // that only ran out of time says the server is slow, not gone: its pooled connections still work, and
                // dropping them would make every call open a new one just when the machine is slowest. (Before the
                // direct pool, a probe queued behind busy calls timed out under load and cleared the call pool in
                // every replica at once: calls then waited on new connections past their deadlines, issue 24.)
                if (!IsProbeTimeout(e, timeoutStarted: _migrated))
                {
                    dataSource.Clear();
                    if (_probe != dataSource) _probe.Clear();
                }
                SetReady(false, e);
                try
                {
                    await Task.Delay(retryDelay, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, MaxRetryDelay.Ticks));
            }
            catch (Exception e)
            {
                _logger.LogCritical(e, "Database cannot be made ready");
                SetReady(false, e);
                lock (_gate) _ready.TrySetException(e);
                throw;
            }
        }
    }

    private void SetReady(bool ready, Exception? failure)
    {
        bool changed;
        lock (_gate)
        {
            LastFailure = failure;
            changed = _isReady != ready;
            _isReady = ready;
            if (ready) _ready.TrySetResult();
            else if (_ready.Task.IsCompleted) _ready = NewSignal();
        }
        if (!changed) return;
        _logger.LogInformation("Database readiness changed to {Ready}", ready);
        foreach (var handler in ReadinessChanged?.GetInvocationList() ?? [])
        {
            try
            {
                ((Action<bool>)handler)(ready);
            }
            catch (Exception e)
            {
                // One faulty watcher must not stop readiness tracking for the others.
                _logger.LogError(e, "A readiness watcher failed");
            }
        }
    }

    /// <summary>The probe's own time limit ran out: a cancellation while the database was being probed, not a connection error.</summary>
    internal static bool IsProbeTimeout(Exception e, bool timeoutStarted) => timeoutStarted && e is OperationCanceledException;

    /// <summary>Failures that a later attempt can succeed past: the server is down, starting, restarting or unreachable.</summary>
    internal static bool IsTransient(Exception e) => e switch
    {
        MigrationFailedException failed => failed.InnerException is { } inner && IsTransient(inner),
        PostgresException pg => pg.IsTransient
            || pg.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exception
            || pg.SqlState.StartsWith("57P", StringComparison.Ordinal) // shutting down, starting up
            || pg.SqlState == PostgresErrorCodes.InvalidCatalogName, // database not created yet
        NpgsqlException => true, // I/O-level: refused, reset, timed out
        SocketException or IOException or TimeoutException => true,
        OperationCanceledException => true, // a probe timeout (the caller's cancellation is handled before)
        _ => false,
    };

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
