namespace Inspection.Grpc;

/// <summary>The call shapes this layer implements (client and bidirectional streaming are not needed by any contract).</summary>
public enum MethodType
{
    Unary,
    ServerStreaming,
}
