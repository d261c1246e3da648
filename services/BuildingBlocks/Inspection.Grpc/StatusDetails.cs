using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Inspection.Domain;

namespace Inspection.Grpc;

/// <summary>
/// The rich error model: a google.rpc.Status, base64 in the grpc-status-details-bin trailer, carrying a
/// google.rpc.BadRequest with one field violation per wrong field.
/// </summary>
public static class StatusDetails
{
    public const string TrailerName = "grpc-status-details-bin";

    public static string Encode(Status status, IReadOnlyList<Inspection.Domain.FieldViolation> violations)
    {
        var rich = new Google.Rpc.Status { Code = (int)status.StatusCode, Message = status.Detail };
        if (violations.Count > 0)
        {
            var badRequest = new BadRequest();
            foreach (var v in violations)
                badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description });
            rich.Details.Add(Any.Pack(badRequest));
        }
        return Convert.ToBase64String(rich.ToByteArray());
    }

    /// <summary>Field violations from a peer's details; an undecodable value yields none rather than masking the status.</summary>
    public static IReadOnlyList<Inspection.Domain.FieldViolation> DecodeViolations(string? base64)
    {
        if (string.IsNullOrEmpty(base64)) return [];
        try
        {
            var padded = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            var rich = Google.Rpc.Status.Parser.ParseFrom(Convert.FromBase64String(padded));
            var result = new List<Inspection.Domain.FieldViolation>();
            foreach (var any in rich.Details)
                if (any.TryUnpack<BadRequest>(out var badRequest))
                    result.AddRange(badRequest.FieldViolations.Select(v => new Inspection.Domain.FieldViolation(v.Field, v.Description)));
            return result;
        }
        catch (Exception e) when (e is FormatException or InvalidProtocolBufferException)
        {
            return [];
        }
    }
}
