namespace Inspection.Domain.Dates;

/// <summary>
/// Today's date where the inspectorate works. "Not in the future" is judged against the date in England, not UTC:
/// between midnight and 01:00 in British Summer Time the UTC date is still yesterday.
/// </summary>
public static class EnglandCalendar
{
    private static readonly TimeZoneInfo? London = FindLondon();

    public static DateOnly Today(TimeProvider clock) => DateOn(clock.GetUtcNow());

    /// <summary>The date in England at <paramref name="instant"/>.</summary>
    public static DateOnly DateOn(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return London is not null ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, London)) : DateBySummerTimeRule(instant);
    }

    /// <summary>The date in England by the Summer Time rule alone, for a machine without time-zone data.</summary>
    public static DateOnly DateBySummerTimeRule(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return DateOnly.FromDateTime(utc + SummerTimeOffset(utc));
    }

    // A container image without time-zone data still gets the UK rule right: British Summer Time runs from 01:00 UTC
    // on the last Sunday of March to 01:00 UTC on the last Sunday of October (Summer Time Order 2002).
    private static TimeSpan SummerTimeOffset(DateTime utc)
    {
        var starts = LastSunday(utc.Year, 3).AddHours(1);
        var ends = LastSunday(utc.Year, 10).AddHours(1);
        return utc >= starts && utc < ends ? TimeSpan.FromHours(1) : TimeSpan.Zero;
    }

    private static DateTime LastSunday(int year, int month)
    {
        var last = new DateTime(year, month, DateTime.DaysInMonth(year, month), 0, 0, 0, DateTimeKind.Utc);
        return last.AddDays(-(int)last.DayOfWeek);
    }

    private static TimeZoneInfo? FindLondon()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Europe/London"); }
        catch (TimeZoneNotFoundException) { return null; }
        catch (InvalidTimeZoneException) { return null; }
    }
}
