using Dapper;
using Npgsql;

namespace Inspection.Data;

/// <summary>
/// A service's database: opens connections from the pooled data source and runs multi-row writes in one
/// transaction, so a failed write leaves nothing half-written.
/// </summary>
public sealed class Database(NpgsqlDataSource dataSource)
{
    // Rows map onto records by their snake_case column names in every service the same way. Set here, where every
    // store's access begins: set by one store's static constructor, it held only in processes that happened to load
    // that store (a test host with several services), and an unaliased query failed in a service's own process.
    static Database() => Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;

    public NpgsqlDataSource DataSource { get; } = dataSource;

    private static readonly AsyncLocal<DateTime?> CallDeadline = new();
    private static readonly TimeSpan DeadlineMargin = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The deadline of the call being served (UTC), for as long as the returned scope lives: waits for a pooled
    /// connection end just before it. The gRPC host sets it for every call (GrpcErrorInterceptor).
    /// </summary>
    public static IDisposable WithDeadline(DateTime deadlineUtc)
    {
        var before = CallDeadline.Value;
        CallDeadline.Value = deadlineUtc == DateTime.MaxValue ? null : deadlineUtc;
        return new Restore(before);
    }

    private sealed class Restore(DateTime? before) : IDisposable
    {
        public void Dispose() => CallDeadline.Value = before;
    }

    /// <summary>Opens a pooled connection that tells PostgreSQL who is writing (<see cref="AuditActor"/>), for the audit trail.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        NpgsqlConnection connection;
        // A call waits for a pooled connection until Npgsql's Timeout (Database:PoolWait) or until just before the
        // deadline of the call being served, whichever is sooner, so it can still be answered "busy, retry" in time.
        // The gRPC deadline is a wall-clock instant, so it is measured against the wall clock, not a TimeProvider.
        var wait = CallDeadline.Value is { } deadline ? deadline - DateTime.UtcNow - DeadlineMargin : Timeout.InfiniteTimeSpan;
        if (wait != Timeout.InfiniteTimeSpan && wait <= TimeSpan.Zero) throw new DatabaseBusyException(new TimeoutException("no time left to wait for a connection"));
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (wait != Timeout.InfiniteTimeSpan) waiting.CancelAfter(wait);
        try
        {
            connection = await DataSource.OpenConnectionAsync(waiting.Token).ConfigureAwait(false);
        }
        catch (NpgsqlException e) when (DataSources.IsPoolExhausted(e))
        {
            // Every connection of this copy is busy: the database is there, so this is "retry shortly", never "away".
            throw new DatabaseBusyException(e);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new DatabaseBusyException(e);
        }
        var actor = AuditActor.Current;
        var validateOnly = ValidateOnly.IsRequested;
        if (actor is null && !validateOnly) return connection;
        try
        {
            // Session settings: the pool discards them when the connection is returned. A validate-only call's
            // connections are read-only by default: only InTransactionAsync (which rolls back) may write.
            await using var command = new NpgsqlCommand(
                "select set_config('inspection.actor', $1, false), set_config('inspection.rpc', $2, false), set_config('inspection.trace_id', $3, false), " +
                "set_config('default_transaction_read_only', $4, false)",
                connection);
            command.Parameters.Add(new NpgsqlParameter { Value = actor?.Actor ?? "" });
            command.Parameters.Add(new NpgsqlParameter { Value = actor?.Rpc ?? "" });
            command.Parameters.Add(new NpgsqlParameter { Value = actor?.TraceId ?? "" });
            command.Parameters.Add(new NpgsqlParameter { Value = validateOnly ? "on" : "off" });
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    // One statement on a connection of its own, opened (with the actor and the call's deadline) and returned to the
    // pool around it: the reads of every store, written as their SQL and arguments only.

    /// <summary>The rows of one query, on a connection of its own.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? args, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        return (await connection.QueryAsync<T>(new CommandDefinition(sql, args, cancellationToken: ct)).ConfigureAwait(false)).AsList();
    }

    /// <summary>The one row of a query, or default when there is none; more than one is an error.</summary>
    public async Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? args, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, args, cancellationToken: ct)).ConfigureAwait(false);
    }

    /// <summary>The first column of the first row of a query.</summary>
    public async Task<T?> ExecuteScalarAsync<T>(string sql, object? args, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, args, cancellationToken: ct)).ConfigureAwait(false);
    }

    /// <summary>One statement that writes (in its own implicit transaction); the number of rows it touched.</summary>
    public async Task<int> ExecuteAsync(string sql, object? args, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: ct)).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction: committed when it returns, rolled back when it throws
    /// (or is cancelled). No retry: a caller that wants serializable retries decides that itself. In a validate-only
    /// call (<see cref="ValidateOnly"/>) the work runs whole and is rolled back: <see cref="ValidatedOnlyException"/>.
    /// </summary>
    public async Task<T> InTransactionAsync<T>(
        Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var validateOnly = ValidateOnly.IsRequested;
        T result;
        try
        {
            if (validateOnly)
            {
                await using var readWrite = new NpgsqlCommand("set transaction read write", connection, transaction);
                await readWrite.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            // The actor again, local to this transaction: behind a transaction-mode pooler (PgBouncer) the session
            // settings above may have gone to another server connection, the transaction's own cannot.
            if (AuditActor.Current is { } actor)
            {
                await using var command = new NpgsqlCommand(
                    "select set_config('inspection.actor', $1, true), set_config('inspection.rpc', $2, true), set_config('inspection.trace_id', $3, true)",
                    connection, transaction);
                command.Parameters.Add(new NpgsqlParameter { Value = actor.Actor });
                command.Parameters.Add(new NpgsqlParameter { Value = actor.Rpc ?? "" });
                command.Parameters.Add(new NpgsqlParameter { Value = actor.TraceId ?? "" });
                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            result = await work(connection, transaction).ConfigureAwait(false);
        }
        catch
        {
            // The connection may already be broken; disposing it discards the transaction server-side anyway.
            try { await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false); }
            catch (NpgsqlException) { }
            catch (InvalidOperationException) { }
            throw;
        }
        if (validateOnly)
        {
            await transaction.RollbackAsync(ct).ConfigureAwait(false);
            throw new ValidatedOnlyException();
        }
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return result;
    }
}
