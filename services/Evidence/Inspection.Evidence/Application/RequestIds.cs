namespace Inspection.Evidence.Application;

/// <summary>The ids a request names, checked before anything is looked up: a missing or unreadable one is INVALID_ARGUMENT naming the field.</summary>
internal static class RequestIds
{
    public static string Required(string? id, string field)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new ValidationException(field, "is required");
        return id.Trim();
    }

    public static Guid EvidenceId(string? evidenceId)
    {
        if (string.IsNullOrWhiteSpace(evidenceId)) throw new ValidationException("evidence_id", "is required");
        return Guid.TryParse(evidenceId, out var id) ? id : throw new ValidationException("evidence_id", $"'{evidenceId}' is not an evidence id");
    }
}
