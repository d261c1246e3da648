using System.Reflection;
using Dapper;
using Npgsql;

namespace Inspection.Data;

/// <summary>
/// Applies a service's embedded <c>Migrations/*.sql</c> scripts in file-name order, each in its own transaction,
/// recording them in <c>schema_migrations</c>.
/// </summary>
public static class Migrator
{
    // Fixed key of the session advisory lock serialising migrators. Advisory locks are per database, so
    // services sharing a cluster never wait for each other.
    internal const long AdvisoryLockKey = 0x496E_7370_4D69_67; // "InspMig"

    public static Task ApplyAsync(NpgsqlDataSource dataSource, Assembly migrationsAssembly, CancellationToken ct)
        => ApplyAsync(dataSource, Migration.LoadFrom(migrationsAssembly), ct);

    /// <summary>
    /// Applies the embedded migrations up to and including <paramref name="version"/> and no further: a test of a
    /// migration that moves stored data puts the data there as the earlier schema held it, then applies the rest.
    /// </summary>
    public static Task ApplyThroughAsync(NpgsqlDataSource dataSource, Assembly migrationsAssembly, string version, CancellationToken ct)
    {
        var all = Migration.LoadFrom(migrationsAssembly);
        if (all.All(m => m.Version != version))
            throw new ArgumentException($"No embedded migration has the version '{version}'", nameof(version));
        return ApplyAsync(dataSource, all.Where(m => string.CompareOrdinal(m.Version, version) <= 0), ct);
    }

    internal static async Task ApplyAsync(
        NpgsqlDataSource dataSource, IEnumerable<Migration> migrations, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var ordered = Migration.Ordered(migrations);

        // One connection holds the lock for the whole run, so a second instance starting at the same time
        // waits here and then finds everything applied.
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "select pg_advisory_lock(@key)", new { key = AdvisoryLockKey },
            commandTimeout: 0, // another instance's migrations may take longer than a command timeout
            cancellationToken: ct)).ConfigureAwait(false);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                create table if not exists schema_migrations (
                    version text primary key,
                    applied_at timestamptz not null default now(),
                    checksum text not null
                )
                """, cancellationToken: ct)).ConfigureAwait(false);

            var applied = (await connection.QueryAsync<(string Version, string Checksum)>(new CommandDefinition(
                    "select version, checksum from schema_migrations", cancellationToken: ct)).ConfigureAwait(false))
                .ToDictionary(r => r.Version, r => r.Checksum, StringComparer.Ordinal);

            // Refuse before applying anything: an edited history means the schema is not what the code expects.
            foreach (var migration in ordered)
            {
                if (applied.TryGetValue(migration.Version, out var recorded) && recorded != migration.Checksum)
                    throw new MigrationChecksumMismatchException(migration.Version, recorded, migration.Checksum);
            }

            // The audit schema first, so a migration may name summarised tables; the triggers after, so they cover every table.
            await AuditTrail.InstallAsync(connection, ct).ConfigureAwait(false);
            // The request ledger before the service's migrations too, so one of them may move an older log into it.
            await RequestLedger.InstallAsync(connection, ct).ConfigureAwait(false);

            foreach (var migration in ordered.Where(m => !applied.ContainsKey(m.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
                try
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        migration.Sql, transaction: transaction, commandTimeout: 0, cancellationToken: ct)).ConfigureAwait(false);
                }
                catch (PostgresException e)
                {
                    throw new MigrationFailedException(migration.Version, e);
                }
                await connection.ExecuteAsync(new CommandDefinition(
                    "insert into schema_migrations (version, applied_at, checksum) values (@Version, clock_timestamp(), @Checksum)",
                    new { migration.Version, migration.Checksum }, transaction, cancellationToken: ct)).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
            }

            await AuditTrail.AttachAsync(connection, ct).ConfigureAwait(false);
        }
        finally
        {
            // If the connection broke, the server has already released the lock with the session.
            if (connection.State == System.Data.ConnectionState.Open)
            {
                try
                {
                    await connection.ExecuteAsync("select pg_advisory_unlock(@key)", new { key = AdvisoryLockKey }).ConfigureAwait(false);
                }
                catch (NpgsqlException) { }
            }
        }
    }
}
