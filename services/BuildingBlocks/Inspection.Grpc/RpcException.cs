using Inspection.Domain;

namespace Inspection.Grpc;

/// <summary>
/// A call that ended with a non-OK status. Servers throw it to answer with that status; clients receive it
/// with the status, the trailers and any field violations decoded from grpc-status-details-bin.
/// </summary>
public sealed class RpcException : Exception
{
    public RpcException(Status status, IReadOnlyList<FieldViolation>? fieldViolations = null, Metadata? trailers = null)
        : base(status.ToString())
    {
        Status = status;
        FieldViolations = fieldViolations ?? [];
        Trailers = trailers ?? new Metadata();
    }

    public RpcException(StatusCode code, string detail, IReadOnlyList<FieldViolation>? fieldViolations = null)
        : this(new Status(code, detail), fieldViolations) { }

    public Status Status { get; }
    public StatusCode StatusCode => Status.StatusCode;
    public IReadOnlyList<FieldViolation> FieldViolations { get; }
    public Metadata Trailers { get; }

    public static RpcException Unimplemented(string fullMethodName) =>
        new(StatusCode.Unimplemented, $"Method {fullMethodName} is not implemented by this server");
}
