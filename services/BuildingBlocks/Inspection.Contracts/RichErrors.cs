using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Inspection.Domain;

namespace Inspection.Contracts;

/// <summary>
/// The rich error model (google.rpc.Status in grpc-status-details-bin, through Grpc.StatusProto) both ways: a server
/// raises field violations as google.rpc.BadRequest; a client reads them back as the domain's FieldViolation.
/// </summary>
public static class RichErrors
{
    /// <summary>
    /// An RpcException whose status details carry one google.rpc.BadRequest field violation per wrong field and, when
    /// given, one google.rpc.PreconditionFailure violation per state in the way (so one answer lists every problem).
    /// </summary>
    public static RpcException WithViolations(Grpc.Core.StatusCode code, string message, IReadOnlyList<Inspection.Domain.FieldViolation> violations,
        IReadOnlyList<string>? preconditions = null)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        if (violations.Count > 0)
        {
            var badRequest = new BadRequest();
            foreach (var v in violations)
                badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description });
            status.Details.Add(Any.Pack(badRequest));
        }
        if (preconditions is { Count: > 0 })
        {
            var failure = new PreconditionFailure();
            foreach (var description in preconditions)
                failure.Violations.Add(new PreconditionFailure.Types.Violation { Type = "STATE", Description = description });
            status.Details.Add(Any.Pack(failure));
        }
        return status.ToRpcException();
    }

    /// <summary>
    /// UNAVAILABLE with google.rpc.RetryInfo (the delay a client should wait before trying again, on this copy or another)
    /// and grpc-dotnet's own retry pushback trailer, so its retry policy waits as long.
    /// </summary>
    public static RpcException RetryLater(string message, TimeSpan delay)
    {
        var status = new Google.Rpc.Status { Code = (int)Grpc.Core.StatusCode.Unavailable, Message = message };
        status.Details.Add(Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(delay) }));
        var trailers = new Metadata
        {
            { "grpc-status-details-bin", status.ToByteArray() },
            { "grpc-retry-pushback-ms", ((long)delay.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        return new RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.Unavailable, message), trailers);
    }

    extension(RpcException exception)
    {
        /// <summary>The delay the server asked for before a retry (google.rpc.RetryInfo); null when it asked for none.</summary>
        public TimeSpan? RetryDelay
        {
            get
            {
                try
                {
                    return exception.GetRpcStatus()?.GetDetail<RetryInfo>()?.RetryDelay?.ToTimeSpan();
                }
                catch (InvalidProtocolBufferException)
                {
                    return null;
                }
            }
        }

        /// <summary>The field violations the server sent; none when it sent none, or details that do not decode.</summary>
        public IReadOnlyList<Inspection.Domain.FieldViolation> FieldViolations
        {
            get
            {
                try
                {
                    return exception.GetRpcStatus()?.GetDetail<BadRequest>() is { } badRequest
                        ? badRequest.FieldViolations.Select(v => new Inspection.Domain.FieldViolation(v.Field, v.Description)).ToList()
                        : [];
                }
                catch (InvalidProtocolBufferException)
                {
                    return [];
                }
            }
        }

        /// <summary>The states in the way the server listed (google.rpc.PreconditionFailure), each a sentence; none when it sent none.</summary>
        public IReadOnlyList<string> PreconditionFailures
        {
            get
            {
                try
                {
                    return exception.GetRpcStatus()?.GetDetail<PreconditionFailure>() is { } failure
                        ? failure.Violations.Select(v => v.Description).ToList()
                        : [];
                }
                catch (InvalidProtocolBufferException)
                {
                    return [];
                }
            }
        }
    }
}
