using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Inspection.Recommendations.Application;

/// <summary>
/// The ledger's key of a write. Its operation is the RPC's name and its fingerprint the one this service has always
/// computed (SHA-256 of the operation, a line break and the domain command as JSON), not the building block's: so the
/// requests its client_requests table recorded before the ledger (moved by migration 0005) keep matching their retries.
/// </summary>
public static class RequestKeys
{
    /// <summary>The request id, trimmed, or INVALID_ARGUMENT naming request_id (every write of this contract requires one).</summary>
    public static string Id(string? requestId)
    {
        var violations = new List<FieldViolation>();
        var id = RequestText.RequestId(requestId, violations);
        ValidationException.ThrowIfAny(violations);
        return id;
    }

    public static RequestKey For<TCommand>(string? requestId, string operation, TCommand command) where TCommand : notnull =>
        new(Id(requestId), operation, Fingerprint(operation, command));

    private static string Fingerprint<TCommand>(string operation, TCommand command) where TCommand : notnull
    {
        var json = JsonSerializer.Serialize(command, command.GetType());
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(operation + "\n" + json)));
    }
}
