using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Inspection.Domain;

namespace Inspection.Evidence.Application;

/// <summary>
/// A write request as the request log keeps it: its id, what it did, and a fingerprint of its content, so a
/// retry (same id, same content) gets the first result and a reused id with other content is refused.
/// </summary>
public sealed record RecordedRequest(string RequestId, string Operation, string Fingerprint)
{
    public const int RequestIdMaxLength = 200;

    // NaN and the infinities are fingerprinted like any other number (System.Text.Json refuses them by default, which
    // made a staffing figure of Infinity an INTERNAL); the command's own validation then refuses them, naming the field.
    private static readonly JsonSerializerOptions FingerprintJson = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static RecordedRequest For<TCommand>(string? requestId, TCommand command) where TCommand : notnull
    {
        if (string.IsNullOrWhiteSpace(requestId))
            throw new ValidationException("request_id", "is required: a retry with the same id returns the first result");
        if (requestId.Length > RequestIdMaxLength)
            throw new ValidationException("request_id", $"is longer than {RequestIdMaxLength} characters");
        var json = JsonSerializer.SerializeToUtf8Bytes(command, FingerprintJson);
        return new RecordedRequest(requestId, typeof(TCommand).Name, Convert.ToHexString(SHA256.HashData(json)));
    }

    /// <summary>Refuses a request id already used by a different request.</summary>
    public void EnsureSameAs(RequestOutcome earlier)
    {
        if (earlier.Operation != Operation || earlier.Fingerprint != Fingerprint)
            throw new AlreadyExistsException(
                $"Request id '{RequestId}' was already used for a different request ({earlier.Operation}); use a new id for a new request");
    }
}
