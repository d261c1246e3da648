using Npgsql;

namespace Inspection.Evidence.Data;

/// <summary>
/// A record's next version is read, decided, then inserted: a unique violation on insert means another writer took
/// that version in between, which the caller hears as a stale version (ABORTED), not as a fault.
/// </summary>
internal static class VersionConflicts
{
    public static async Task GuardAsync(Func<Task> insert, string conflict)
    {
        try
        {
            await insert();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new ConcurrencyConflictException(conflict);
        }
    }
}
