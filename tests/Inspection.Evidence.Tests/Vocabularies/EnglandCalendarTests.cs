using Xunit;
using Inspection.Domain.Dates;
using Microsoft.Extensions.Time.Testing;

namespace Inspection.Evidence.Tests.Vocabularies;

public class EnglandCalendarTests
{
    [Theory]
    // British Summer Time: 23:30 UTC on 30 June is already 1 July in England.
    [InlineData("2026-06-30T23:30:00Z", "2026-07-01")]
    [InlineData("2026-06-30T22:59:59Z", "2026-06-30")]
    // Greenwich Mean Time: the dates agree.
    [InlineData("2026-12-31T23:30:00Z", "2026-12-31")]
    // The clocks go forward at 01:00 UTC on 29 March 2026 and back at 01:00 UTC on 25 October 2026.
    [InlineData("2026-03-29T00:59:59Z", "2026-03-29")]
    [InlineData("2026-10-24T23:30:00Z", "2026-10-25")]
    [InlineData("2026-10-25T23:30:00Z", "2026-10-25")]
    public void Today_is_the_date_in_England_not_in_UTC(string utc, string expected)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, CalendarDate.ToText(EnglandCalendar.Today(clock)));
        // A machine without time-zone data gets the same date from the Summer Time rule.
        Assert.Equal(expected, CalendarDate.ToText(EnglandCalendar.DateBySummerTimeRule(clock.GetUtcNow())));
    }
}
