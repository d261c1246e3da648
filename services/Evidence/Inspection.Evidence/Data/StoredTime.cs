namespace Inspection.Evidence.Data;

/// <summary>timestamptz comes back from Npgsql as a UTC DateTime; the domain keeps instants as offsets.</summary>
internal static class StoredTime
{
    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero);
}
