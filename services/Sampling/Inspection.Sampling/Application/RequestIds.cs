namespace Inspection.Sampling.Application;

/// <summary>The ids a request carries: this service's own, and the request id that makes a write safe to retry.</summary>
public static class RequestIds
{
    /// <summary>An id this service issued, or INVALID_ARGUMENT naming the field.</summary>
    public static Guid Id(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new ValidationException(field, "an id is required");
        if (!Guid.TryParse(value, out var id)) throw new ValidationException(field, $"'{value}' is not an id this service issued");
        return id;
    }

    /// <summary>
    /// The ledger's key of a write that must carry a request id. Its fingerprint is the one the service has always
    /// computed (SHA-256 of the request as sent), not the command's JSON: a draw without a seed is given a new one each
    /// time, so only the request as sent is the same on a retry, and requests recorded before the ledger keep matching.
    /// </summary>
    public static RequestKey Required(string? requestId, string operation, string fingerprint) =>
        Optional(requestId, operation, fingerprint)
        ?? throw new ValidationException("request_id", "is required: a retry with the same id returns the first result");

    /// <summary>
    /// The key of a write whose contract added request_id later: null without one (the write is then carried out as
    /// asked, every time, and is not safe to retry).
    /// </summary>
    public static RequestKey? Optional(string? requestId, string operation, string fingerprint)
    {
        if (string.IsNullOrWhiteSpace(requestId)) return null;
        var id = requestId.Trim();
        if (id.Length > RequestKey.RequestIdMaxLength)
            throw new ValidationException("request_id", $"is longer than {RequestKey.RequestIdMaxLength} characters");
        return new RequestKey(id, operation, fingerprint);
    }
}
