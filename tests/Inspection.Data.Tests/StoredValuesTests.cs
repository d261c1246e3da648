namespace Inspection.Data.Tests;

public sealed class StoredValuesTests
{
    [Theory]
    [InlineData(DateTimeKind.Utc)]
    [InlineData(DateTimeKind.Unspecified)]
    public void A_stored_timestamp_is_the_instant_it_names_in_UTC(DateTimeKind kind)
    {
        var stored = new DateTime(2026, 12, 7, 18, 30, 5, kind);

        var instant = StoredValues.Instant(stored);

        Assert.Equal(TimeSpan.Zero, instant.Offset);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 18, 30, 5, TimeSpan.Zero), instant);
    }

    [Fact]
    public void A_date_goes_out_as_midnight_of_no_zone_and_comes_back_the_same_day()
    {
        var sent = StoredValues.AsDate(new DateOnly(2026, 3, 29));

        Assert.Equal(new DateTime(2026, 3, 29, 0, 0, 0, DateTimeKind.Unspecified), sent);
        Assert.Equal(DateTimeKind.Unspecified, sent!.Value.Kind);
        Assert.Equal(new DateOnly(2026, 3, 29), StoredValues.FromDate(sent));
        Assert.Null(StoredValues.AsDate(null));
        Assert.Null(StoredValues.FromDate(null));
    }

    [Fact]
    public void An_empty_filter_is_no_filter()
    {
        Assert.Null(StoredValues.NullIfEmpty(""));
        Assert.Equal("north", StoredValues.NullIfEmpty("north"));
    }
}
