using Inspection.Domain.Dates;

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

    /// <summary>Dates travel as "yyyy-MM-dd" and nothing else (the product's one <see cref="CalendarDate"/>).</summary>
    public static DateOnly? Date(List<FieldViolation> violations, string field, string? value) => CalendarDate.Required(violations, field, value);
}
