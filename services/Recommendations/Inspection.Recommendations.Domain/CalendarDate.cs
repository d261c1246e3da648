using System.Globalization;
using Inspection.Domain;

namespace Inspection.Recommendations.Domain;

/// <summary>Calendar dates travel as "yyyy-MM-dd" text; empty means not known.</summary>
public static class CalendarDate
{
    public const string Pattern = "yyyy-MM-dd";

    public static DateOnly? ParseOptional(string? text, string field, ICollection<FieldViolation> violations)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        violations.Add(new FieldViolation(field, $"'{text}' is not a date of the form {Pattern}"));
        return null;
    }

    public static DateOnly? ParseRequired(string? text, string field, ICollection<FieldViolation> violations)
    {
        if (!string.IsNullOrWhiteSpace(text)) return ParseOptional(text, field, violations);
        violations.Add(new FieldViolation(field, $"required: a date of the form {Pattern}"));
        return null;
    }

    public static string Format(DateOnly? date) => date?.ToString(Pattern, CultureInfo.InvariantCulture) ?? string.Empty;
}
