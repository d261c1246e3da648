using System.Globalization;
using System.Text.RegularExpressions;

namespace Inspection.Admin.Presentation;

/// <summary>Dates as GOV.UK writes them ("6 June 2022"); the services send "yyyy-MM-dd" strings, empty when not known.</summary>
public static partial class DisplayDate
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

    /// <summary>An instant to the second, in UTC (the audit trail's "when").</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("d MMMM yyyy 'at' HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Format(Google.Protobuf.WellKnownTypes.Timestamp? timestamp) =>
        timestamp is null ? "Not known" : timestamp.ToDateTimeOffset().ToString("d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// A service's text with the dates it names in words: labels and messages written for integrators
    /// ("Birmingham North, East and Solihull PDU (2026-11-09)") as staff read them.
    /// </summary>
    public static string InText(string text) => IsoDate().Replace(text, m => Format(m.Value));

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex IsoDate();
}
