using Npgsql;

namespace Inspection.Data;

/// <summary>
/// How many connections one copy of an app may hold (deploy/services.json, the connection budget), and how long a call
/// waits for one of them when all are in use.
/// </summary>
/// <param name="PoolSize">Max Pool Size of the pool every call draws from.</param>
/// <param name="DirectConnections">Max Pool Size of the direct pool: migrations, readiness probes and LISTEN.</param>
/// <param name="PoolWait">How long a call waits for a pooled connection (Npgsql's Timeout) before it is answered "busy, retry".</param>
public sealed record ConnectionBudget(int PoolSize, int DirectConnections, TimeSpan PoolWait)
{
    public static readonly TimeSpan DefaultPoolWait = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Connections that need a PostgreSQL session of their own (a session advisory lock around the migrations, LISTEN, the
/// readiness probe): made past any transaction-mode pooler (ConnectionStrings:Direct, else the app's own string) from a
/// small pool of their own, so a full call pool can never make the probe fail or the migrations wait.
/// </summary>
public sealed class DirectDataSource(NpgsqlDataSource dataSource)
{
    public NpgsqlDataSource DataSource { get; } = dataSource;
}

public static class DataSources
{
    /// <summary>The pool calls draw from: at most <see cref="ConnectionBudget.PoolSize"/> connections; a call beyond them waits.</summary>
    public static NpgsqlDataSource Pooled(string connectionString, ConnectionBudget budget) =>
        new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxPoolSize = budget.PoolSize,
            // Npgsql's Timeout bounds both connecting and waiting for a free pooled connection.
            Timeout = Math.Max(1, (int)Math.Ceiling(budget.PoolWait.TotalSeconds)),
        }.ConnectionString).Build();

    /// <summary>The direct pool (<see cref="DirectDataSource"/>), past the pooler when <paramref name="directConnectionString"/> is given.</summary>
    public static DirectDataSource Direct(string connectionString, string? directConnectionString, ConnectionBudget budget) =>
        new(new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(
                string.IsNullOrWhiteSpace(directConnectionString) ? connectionString : directConnectionString)
        {
            MaxPoolSize = Math.Max(1, budget.DirectConnections),
            MinPoolSize = 0,
        }.ConnectionString).Build());

    /// <summary>Npgsql's answer when every pooled connection stayed busy for the whole wait (not an unreachable server).</summary>
    public static bool IsPoolExhausted(Exception e) =>
        e is NpgsqlException { InnerException: TimeoutException } npgsql
        && npgsql.Message.StartsWith("The connection pool has been exhausted", StringComparison.Ordinal);
}
