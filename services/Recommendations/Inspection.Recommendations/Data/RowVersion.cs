using Dapper;
using Npgsql;

namespace Inspection.Recommendations.Data;

/// <summary>The optimistic check every update makes: the row must still be at the version the caller read.</summary>
public static class RowVersion
{
    /// <summary>ABORTED unless <paramref name="current"/> is <paramref name="expected"/>.</summary>
    public static void Ensure(string what, Guid id, long current, long expected)
    {
        if (current != expected)
            throw new ConcurrencyConflictException(
                $"{what} {Identifier.Format(id)} is at version {current}, not {expected}: someone else changed it; read it again and retry.");
    }

    /// <summary>Moves the row to the next version if it is still at the version the caller read; the row stays locked to the end of the transaction.</summary>
    internal static async Task BumpAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, string table, string key, Guid id, long expectedVersion, string what, CancellationToken ct)
    {
        var bumped = await c.ExecuteAsync(new CommandDefinition(
            $"update {table} set version = version + 1 where {key} = @id and version = @expectedVersion", new { id, expectedVersion }, tx, cancellationToken: ct));
        if (bumped == 1) return;
        var current = await c.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            $"select version from {table} where {key} = @id", new { id }, tx, cancellationToken: ct));
        if (current is null) throw new NotFoundException(what, Identifier.Format(id));
        Ensure(what, id, current.Value, expectedVersion);
    }
}
