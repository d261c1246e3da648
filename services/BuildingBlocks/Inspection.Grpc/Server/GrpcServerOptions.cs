namespace Inspection.Grpc;

public sealed class GrpcServerOptions
{
    /// <summary>Largest request message accepted (after decompression); larger ones get RESOURCE_EXHAUSTED.</summary>
    public int MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// Ports that serve gRPC only (every request there is a gRPC call: a wrong content type gets 415). Elsewhere a
    /// request is a gRPC call when its content type is application/grpc*.
    /// </summary>
    public HashSet<int> GrpcPorts { get; } = [];

    /// <summary>Extra mappings from exceptions to statuses (e.g. a database that went away is UNAVAILABLE); first match wins.</summary>
    public List<Func<Exception, Status?>> ExceptionMappings { get; } = [];
}
