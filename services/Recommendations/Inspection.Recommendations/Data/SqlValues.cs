namespace Inspection.Recommendations.Data;

/// <summary>How the stores hand dates and text to PostgreSQL and read them back: dates as <c>date</c>, instants in UTC.</summary>
internal static class SqlValues
{
    public static DateTime? AsDate(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

    public static DateOnly? FromDate(DateTime? value) => value is { } v ? DateOnly.FromDateTime(v) : null;

    public static DateTimeOffset FromTimestamp(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
