using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Inspection.Domain;

namespace Inspection.Data;

/// <summary>
/// A write request as the <see cref="RequestLedger"/> knows it: the caller's id for it, what it does (the command's
/// type name) and a fingerprint of its content, which tells a retry (same id, same request) from a reused id.
/// </summary>
public sealed record RequestKey(string RequestId, string Operation, string Fingerprint)
{
    public const int RequestIdMaxLength = 200;

    // NaN and the infinities are fingerprinted like any other number (System.Text.Json refuses them by default, which
    // would make a figure of Infinity a fault); the command's own validation then refuses them, naming the field. The
    // fingerprints this makes are the ones the evidence service stored before the ledger, so those stay answerable.
    private static readonly JsonSerializerOptions FingerprintJson = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>The key of a write that must carry a request id: INVALID_ARGUMENT naming request_id without one.</summary>
    public static RequestKey For<TCommand>(string? requestId, TCommand command) where TCommand : notnull =>
        Optional(requestId, command)
        ?? throw new ValidationException("request_id", "is required: a retry with the same id returns the first result");

    /// <summary>
    /// The key of a write whose contract made request_id optional (added after integrators called it without one):
    /// null when none is given, and the write is then carried out as asked, every time.
    /// </summary>
    public static RequestKey? Optional<TCommand>(string? requestId, TCommand command) where TCommand : notnull
    {
        if (string.IsNullOrWhiteSpace(requestId)) return null;
        if (requestId.Length > RequestIdMaxLength)
            throw new ValidationException("request_id", $"is longer than {RequestIdMaxLength} characters");
        return new RequestKey(requestId, typeof(TCommand).Name, FingerprintOf(command));
    }

    /// <summary>SHA-256 of the command's JSON form, in upper-case hex.</summary>
    public static string FingerprintOf<TCommand>(TCommand command) where TCommand : notnull =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(command, FingerprintJson)));

    /// <summary>Refuses this id when the ledger holds it for a different request.</summary>
    internal void EnsureSameAs(LedgerEntry first)
    {
        if (first.Operation != Operation || first.Fingerprint != Fingerprint)
            throw new AlreadyExistsException(
                $"Request id '{RequestId}' was already used for a different request ({first.Operation}); use a new id for a new request");
    }
}
