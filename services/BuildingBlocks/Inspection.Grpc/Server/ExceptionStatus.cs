using Google.Protobuf;
using Inspection.Domain;

namespace Inspection.Grpc;

/// <summary>Maps what a service threw to the status the caller sees. Anything unexpected is INTERNAL with no internals.</summary>
internal static class ExceptionStatus
{
    public static (Status Status, IReadOnlyList<FieldViolation> Violations, bool Unexpected) From(Exception exception, GrpcServerOptions options, string traceId)
    {
        switch (exception)
        {
            case RpcException rpc:
                return (rpc.Status, rpc.FieldViolations, false);
            case ValidationException validation:
                return (new Status(StatusCode.InvalidArgument, validation.Message), validation.Violations, false);
            case NotFoundException notFound:
                return (new Status(StatusCode.NotFound, notFound.Message), [], false);
            case ConcurrencyConflictException conflict:
                return (new Status(StatusCode.Aborted, conflict.Message), [], false);
            case PreconditionFailedException precondition:
                return (new Status(StatusCode.FailedPrecondition, precondition.Message), [], false);
            case AlreadyExistsException exists:
                return (new Status(StatusCode.AlreadyExists, exists.Message), [], false);
            case InvalidProtocolBufferException parse:
                // protobuf's own text can name its API (SetRecursionLimit): say only what was wrong
                return (new Status(StatusCode.InvalidArgument, "A message in the request could not be parsed: not valid protobuf, or nested too deeply"), [], false);
        }
        foreach (var mapping in options.ExceptionMappings)
            if (mapping(exception) is { } mapped) return (mapped, [], false);
        return (new Status(StatusCode.Internal, $"An internal error occurred; trace id {traceId}"), [], true);
    }
}
