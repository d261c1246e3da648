using Google.Protobuf;

namespace Inspection.Grpc;

/// <summary>Describes one rpc: its path, shape, message parsers, and whether clients may retry it.</summary>
public sealed class Method<TRequest, TResponse>(
    string serviceName, string name, MethodType type, MessageParser<TRequest> requestParser, MessageParser<TResponse> responseParser, bool idempotent)
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    public string ServiceName { get; } = serviceName;
    public string Name { get; } = name;
    public MethodType Type { get; } = type;
    public MessageParser<TRequest> RequestParser { get; } = requestParser;
    public MessageParser<TResponse> ResponseParser { get; } = responseParser;

    /// <summary>Marked idempotent or side-effect free in the .proto: safe to retry on UNAVAILABLE.</summary>
    public bool Idempotent { get; } = idempotent;

    /// <summary>"package.Service/Method", the span name of the OpenTelemetry RPC conventions.</summary>
    public string FullName { get; } = serviceName + "/" + name;

    /// <summary>The HTTP/2 :path of the call.</summary>
    public string Path { get; } = "/" + serviceName + "/" + name;
}
