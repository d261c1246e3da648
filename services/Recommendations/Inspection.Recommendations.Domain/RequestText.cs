namespace Inspection.Recommendations.Domain;

/// <summary>Checks on free-text request fields, so every command reports missing or oversized text the same way.</summary>
public static class RequestText
{
    public static string Required(string? text, string field, int maxLength, ICollection<FieldViolation> violations)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0) violations.Add(new FieldViolation(field, "required"));
        else if (trimmed.Length > maxLength) violations.Add(new FieldViolation(field, $"longer than {maxLength} characters"));
        return trimmed;
    }

    public static string Optional(string? text, string field, int maxLength, ICollection<FieldViolation> violations)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length > maxLength) violations.Add(new FieldViolation(field, $"longer than {maxLength} characters"));
        return trimmed;
    }

    /// <summary>A client request id: what makes a retried create or record return the first result instead of a duplicate.</summary>
    public static string RequestId(string? text, ICollection<FieldViolation> violations) =>
        Required(text, "request_id", 200, violations);

    /// <summary>The version the caller read: updates without it could silently overwrite someone else's change.</summary>
    public static long ExpectedVersion(long version, ICollection<FieldViolation> violations)
    {
        if (version <= 0) violations.Add(new FieldViolation("expected_version", "required: the version you read (1 or more)"));
        return version;
    }
}
