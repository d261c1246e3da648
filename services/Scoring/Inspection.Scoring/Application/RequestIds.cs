namespace Inspection.Scoring.Application;

/// <summary>
/// The request id that makes a write safe to retry. Every write of this contract has always taken it optionally: a
/// call without one is carried out as asked, every time, and is not safe to retry (the contract says so). The
/// fingerprint is the one the service has always computed (SHA-256 of the request as sent, request_id left out), so
/// requests recorded before the ledger keep matching.
/// </summary>
public static class RequestIds
{
    public static RequestKey? Optional(string? requestId, string operation, string fingerprint)
    {
        if (string.IsNullOrWhiteSpace(requestId)) return null;
        if (requestId.Length > RequestKey.RequestIdMaxLength)
            throw new ValidationException("request_id", $"is longer than {RequestKey.RequestIdMaxLength} characters");
        return new RequestKey(requestId, operation, fingerprint);
    }

    /// <summary>An id this service refers to (an inspection's, a framework's): INVALID_ARGUMENT naming the field without one.</summary>
    public static void Require(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new ValidationException(field, $"{field} is required");
    }
}
