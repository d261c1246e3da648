using System.Globalization;

namespace Inspection.Domain.Dates;

/// <summary>Calendar dates travel as "yyyy-MM-dd" and nothing else, so every machine reads them the same way.</summary>
public static class CalendarDate
{
    public const string Format = "yyyy-MM-dd";

    /// <summary>Surrounding spaces aside, exactly "yyyy-MM-dd" and a real day.</summary>
    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string ToText(DateOnly date) => date.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Why <paramref name="text"/> is refused.</summary>
    public static string Refusal(string? text) => $"'{text}' is not a date in the form {Format}";

    /// <summary>A required date: the date, or a violation on <paramref name="field"/> (missing, or not yyyy-MM-dd).</summary>
    public static DateOnly? Required(List<FieldViolation> violations, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            violations.Add(new FieldViolation(field, $"is required ({Format})"));
            return null;
        }
        return Optional(violations, field, text);
    }

    /// <summary>An optional date: null when empty, else the date or a violation on <paramref name="field"/>.</summary>
    public static DateOnly? Optional(List<FieldViolation> violations, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (TryParse(text, out var date)) return date;
        violations.Add(new FieldViolation(field, Refusal(text)));
        return null;
    }

    /// <summary>The date; anything else is a <see cref="ValidationException"/> on <paramref name="field"/>.</summary>
    public static DateOnly Parse(string field, string? text) =>
        TryParse(text, out var date) ? date : throw new ValidationException(field, Refusal(text));
}
