using System.Globalization;
using Inspection.Domain;

namespace Inspection.Evidence.Domain;

/// <summary>The checks every request field shares, collecting violations so a caller sees every problem at once.</summary>
internal static class FieldRules
{
    public const int NameMaxLength = 200;

    public static string? Required(List<FieldViolation> violations, string field, string? value, int maxLength = NameMaxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            violations.Add(new FieldViolation(field, "is required"));
            return null;
        }
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            violations.Add(new FieldViolation(field, $"is longer than {maxLength} characters"));
            return null;
        }
        return trimmed;
    }

    public static string? Optional(List<FieldViolation> violations, string field, string? value, int maxLength = NameMaxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return Required(violations, field, value, maxLength);
    }

    /// <summary>Dates travel as "yyyy-MM-dd" and nothing else.</summary>
    public static DateOnly? Date(List<FieldViolation> violations, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            violations.Add(new FieldViolation(field, "is required (yyyy-MM-dd)"));
            return null;
        }
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        violations.Add(new FieldViolation(field, $"'{value}' is not a date in the form yyyy-MM-dd"));
        return null;
    }
}
