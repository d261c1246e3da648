namespace Inspection.Recommendations.Domain;

/// <summary>Ids travel as UUID strings; this service makes them, so anything else is a caller's mistake.</summary>
public static class Identifier
{
    public static Guid ParseRequired(string? text, string field, ICollection<FieldViolation> violations)
    {
        if (Guid.TryParse(text?.Trim(), out var id) && id != Guid.Empty) return id;
        violations.Add(new FieldViolation(field, string.IsNullOrWhiteSpace(text) ? "required" : $"'{text}' is not an id (a UUID)"));
        return Guid.Empty;
    }

    public static Guid? ParseOptional(string? text, string field, ICollection<FieldViolation> violations) =>
        string.IsNullOrWhiteSpace(text) ? null : ParseRequired(text, field, violations);

    public static string Format(Guid id) => id.ToString("D");
}
