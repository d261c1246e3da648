using Inspection.Domain;
using Inspection.Domain.Dates;
using Inspection.Recommendations.Domain.Providers;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Inspection.Recommendations.Tests;

/// <summary>The rule of an edited provider's dates: "today" is the date in England, not in UTC.</summary>
public sealed class ProviderChangeTests
{
    private static ProviderChange Change(string activeFrom, string activeTo, DateOnly today) =>
        ProviderChange.Create(Guid.NewGuid().ToString(), "Cardiff and Vale PDU", "Wales", activeFrom, activeTo, "lead", today);

    [Fact]
    public void Active_from_may_be_today_in_England_while_it_is_still_yesterday_in_UTC()
    {
        // 23:30 UTC on 1 July is 00:30 on 2 July in British Summer Time.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 7, 1, 23, 30, 0, TimeSpan.Zero));

        var change = Change("2026-07-02", "", EnglandCalendar.Today(clock));

        Assert.Equal(new DateOnly(2026, 7, 2), change.ActiveFrom);
    }

    [Fact]
    public void Active_from_after_today_in_England_is_refused_naming_the_field()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 23, 30, 0, TimeSpan.Zero));   // winter: England is on UTC

        var refused = Assert.Throws<ValidationException>(() => Change("2026-12-08", "", EnglandCalendar.Today(clock)));

        var violation = Assert.Single(refused.Violations);
        Assert.Equal("active_from", violation.Field);
        Assert.Contains("2026-12-08 is after today's date in England (2026-12-07)", violation.Description);
    }

    [Fact]
    public void Active_to_before_active_from_is_refused_and_an_end_to_come_is_not()
    {
        var today = new DateOnly(2026, 12, 7);

        var refused = Assert.Throws<ValidationException>(() => Change("2021-06-26", "2021-06-25", today));
        var planned = Change("2021-06-26", "2027-03-31", today);

        Assert.Equal("active_to", Assert.Single(refused.Violations).Field);
        Assert.Equal(new DateOnly(2027, 3, 31), planned.ActiveTo);
    }
}
