using System.Globalization;

namespace Inspection.Domain.Dates;

/// <summary>A date as people write it ("7 December 2026"), for messages staff read; the wire keeps yyyy-MM-dd.</summary>
public static class DateInWords
{
    public static string Of(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
