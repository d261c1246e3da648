using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Inspection.Admin.Forms;

/// <summary>
/// A GOV.UK date input's three boxes (day, month, year) as typed, bound from "{key}.Day", "{key}.Month" and
/// "{key}.Year", and read into the "yyyy-MM-dd" text the services take, with the GOV.UK error messages when it is
/// not a date (https://design-system.service.gov.uk/components/date-input/).
/// </summary>
public sealed class DateParts
{
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateParts FromIso(string? isoDate) =>
        CalendarDate.TryParse(isoDate, out var date)
            ? FromDate(date)
            : new DateParts();

    public static DateParts FromDate(DateOnly date) => new()
    {
        Day = date.Day.ToString(CultureInfo.InvariantCulture),
        Month = date.Month.ToString(CultureInfo.InvariantCulture),
        Year = date.Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The date as "yyyy-MM-dd", or null when it is empty (and not required) or not a date; then an error is added
    /// under <paramref name="key"/> naming the field by <paramref name="label"/>, as the page labels it.
    /// </summary>
    public string? Read(ModelStateDictionary modelState, string key, string label, bool required)
    {
        if (IsEmpty)
        {
            if (required) modelState.AddModelError(key, $"Enter {Lower(label)}");
            return null;
        }
        var missing = new[] { ("day", Day), ("month", Month), ("year", Year) }.Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1).ToList();
        if (missing.Count > 0)
        {
            modelState.AddModelError(key, $"{label} must include a {string.Join(" and ", missing)}");
            return null;
        }
        if (!int.TryParse(Day!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(Month!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(Year!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            modelState.AddModelError(key, $"{label} must be a real date");
            return null;
        }
        if (Year.Trim().Length != 4)
        {
            modelState.AddModelError(key, $"{label} year must include 4 numbers");
            return null;
        }
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            modelState.AddModelError(key, $"{label} must be a real date");
            return null;
        }
        return CalendarDate.ToText(new DateOnly(year, month, day));
    }

    private static string Lower(string label) =>
        label.Length > 1 && char.IsUpper(label[0]) && !char.IsUpper(label[1]) ? char.ToLowerInvariant(label[0]) + label[1..] : label;
}
