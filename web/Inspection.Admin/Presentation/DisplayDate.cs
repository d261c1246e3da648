using System.Globalization;

namespace Inspection.Admin.Presentation;

/// <summary>Dates as GOV.UK writes them ("6 June 2022"); the services send "yyyy-MM-dd" strings, empty when not known.</summary>
public static class DisplayDate
{
    public static string Format(string? isoDate, string whenMissing = "Not known")
    {
        if (string.IsNullOrWhiteSpace(isoDate)) return whenMissing;
        if (CalendarDate.TryParse(isoDate, out var date))
            return date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        if (DateTimeOffset.TryParse(isoDate, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            return instant.ToUniversalTime().ToString("d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture);
        return isoDate;
    }

    public static string Format(Google.Protobuf.WellKnownTypes.Timestamp? timestamp) =>
        timestamp is null ? "Not known" : timestamp.ToDateTimeOffset().ToString("d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture);
}
