namespace Inspection.Grpc;

/// <summary>Which gRPC services this server serves (the health service answers by these names).</summary>
public interface IGrpcServiceCatalog
{
    bool Serves(string serviceName);
    IReadOnlyCollection<string> ServiceNames { get; }
}
