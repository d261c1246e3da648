namespace Inspection.Scoring.Data;

/// <summary>timestamptz comes back from Npgsql as a DateTime of unspecified kind; every instant stored here is UTC.</summary>
internal static class StoredTime
{
    public static DateTimeOffset Utc(DateTime stored) => new(DateTime.SpecifyKind(stored, DateTimeKind.Utc));
}
