namespace Inspection.Data;

/// <summary>
/// How every store hands dates, instants and optional text to PostgreSQL and reads them back: dates as <c>date</c>,
/// instants as <c>timestamptz</c> in UTC, an empty filter as null.
/// </summary>
public static class StoredValues
{
    /// <summary>A <c>timestamptz</c> as Npgsql hands it back (a DateTime in UTC, or of unspecified kind through some paths): the instant it is.</summary>
    public static DateTimeOffset Instant(DateTime stored) => new(DateTime.SpecifyKind(stored, DateTimeKind.Utc));

    public static DateTime? AsDate(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

    public static DateOnly? FromDate(DateTime? value) => value is { } v ? DateOnly.FromDateTime(v) : null;

    public static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
