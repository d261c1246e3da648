using Dapper;
using Inspection.Domain;
using Npgsql;

namespace Inspection.Data;

/// <summary>
/// Makes a write safe to retry, the one way every service does it. The write's transaction first claims the request
/// id (a transaction-scoped advisory lock on it, so a concurrent call with the same id waits there), then looks the id
/// up: carried out already, the first answer is given again and nothing is written; otherwise the write runs and the
/// id is recorded with a reference to its answer, in the same transaction. So a retry after a timeout, a lost
/// connection or a restart gets the first answer, concurrent calls with one id write once, a failed write leaves no
/// claim behind, and the same id with a different request is refused (ALREADY_EXISTS).
/// </summary>
public sealed class RequestLedger(Database database)
{
    // Two-key advisory locks live apart from one-key ones (the migrator's), so the two never meet.
    private const int LockClass = 0x4C65_6467; // "Ledg"
    private const string PrimaryKey = "request_ledger_pkey";
    private static readonly string InstallSql = EmbeddedSql.Read("request-ledger-install.sql");

    /// <summary>
    /// Runs <paramref name="write"/> in one transaction that claims the request first; for use cases whose rules run
    /// inside the transaction (lock, check the version, apply). A null <paramref name="request"/> (no request id given)
    /// runs the write as asked.
    /// </summary>
    public async Task<TAnswer> OnceAsync<TAnswer, TReference>(RequestKey? request, LedgerAnswer<TAnswer, TReference> answer,
        Func<NpgsqlConnection, NpgsqlTransaction, Task<TAnswer>> write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(write);
        if (request is null) return await database.InTransactionAsync(write, ct).ConfigureAwait(false);

        LedgerEntry? first;
        try
        {
            var (earlier, made) = await database.InTransactionAsync<(LedgerEntry? Earlier, TAnswer? Made)>(async (connection, transaction) =>
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "select pg_advisory_xact_lock(@LockClass, hashtext(@RequestId))",
                    new { LockClass, request.RequestId }, transaction, cancellationToken: ct)).ConfigureAwait(false);
                if (await FindAsync(connection, transaction, request.RequestId, ct).ConfigureAwait(false) is { } recorded)
                    return (recorded, default);
                var answerMade = await write(connection, transaction).ConfigureAwait(false);
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    insert into request_ledger (request_id, operation, fingerprint, result)
                    values (@RequestId, @Operation, @Fingerprint, @Result::jsonb)
                    """,
                    new { request.RequestId, request.Operation, request.Fingerprint, Result = answer.Keep(answerMade) },
                    transaction, cancellationToken: ct)).ConfigureAwait(false);
                return (null, answerMade);
            }, ct).ConfigureAwait(false);
            if (earlier is null) return made!;
            first = earlier;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == PrimaryKey)
        {
            // Recorded by someone who did not wait for the claim (or by a transaction whose snapshot predates it):
            // this write was rolled back, and the one recorded stands.
            first = await FindAsync(request.RequestId, ct).ConfigureAwait(false)
                    ?? throw new ConcurrencyConflictException($"Request '{request.RequestId}' was recorded concurrently; retry it");
        }
        request.EnsureSameAs(first);
        return await answer.ReadAsync(first.Result, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// For use cases that decide before they write (they ask other services, which no transaction should wait on): a
    /// retry of a request carried out already gets its first answer before <paramref name="decide"/> runs at all (so
    /// it is answered even while those services are away); otherwise the decided answer is written by
    /// <paramref name="write"/> in the transaction that claims the request, unless a concurrent call with the same
    /// id got there first (before the claim, or while deciding, making the decision fail), whose answer is then given
    /// instead.
    /// </summary>
    public async Task<TAnswer> OnceAsync<TAnswer, TReference>(RequestKey? request, LedgerAnswer<TAnswer, TReference> answer,
        Func<CancellationToken, Task<TAnswer>> decide, Func<TAnswer, NpgsqlConnection, NpgsqlTransaction, Task> write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(decide);
        ArgumentNullException.ThrowIfNull(write);
        if (request is not null && await FindAsync(request.RequestId, ct).ConfigureAwait(false) is { } first)
        {
            request.EnsureSameAs(first);
            return await answer.ReadAsync(first.Result, ct).ConfigureAwait(false);
        }
        TAnswer decided;
        try
        {
            decided = await decide(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (request is not null && e is not OperationCanceledException)
        {
            // A concurrent call with the same id may have committed while this one decided, and its write be why this
            // decision failed (the version it expected is gone): then the first answer is the answer.
            if (await FindAsync(request.RequestId, ct).ConfigureAwait(false) is not { } recorded) throw;
            request.EnsureSameAs(recorded);
            return await answer.ReadAsync(recorded.Result, ct).ConfigureAwait(false);
        }
        return await OnceAsync(request, answer, async (connection, transaction) =>
        {
            await write(decided, connection, transaction).ConfigureAwait(false);
            return decided;
        }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="check"/> (asking the owners of the ids the request names whether they exist) unless the
    /// request was carried out already: as with the deciding OnceAsync, a retry is answered without asking anyone.
    /// For a write whose answer only its transaction makes (a new snapshot), so it cannot decide before it writes.
    /// </summary>
    public async Task CheckUnlessRecordedAsync(RequestKey? request, Func<CancellationToken, Task> check, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (request is not null && await FindAsync(request.RequestId, ct).ConfigureAwait(false) is not null) return;
        await check(ct).ConfigureAwait(false);
    }

    private async Task<LedgerEntry?> FindAsync(string requestId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        return await FindAsync(connection, null, requestId, ct).ConfigureAwait(false);
    }

    private static Task<LedgerEntry?> FindAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string requestId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<LedgerEntry>(new CommandDefinition(
            "select operation, fingerprint, result::text as result from request_ledger where request_id = @requestId",
            new { requestId }, transaction, cancellationToken: ct));

    /// <summary>Creates the ledger table where it is missing (the migrator runs it before a service's migrations).</summary>
    internal static Task InstallAsync(NpgsqlConnection connection, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(InstallSql, commandTimeout: 0, cancellationToken: ct));
}
