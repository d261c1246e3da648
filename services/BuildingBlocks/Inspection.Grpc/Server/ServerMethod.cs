namespace Inspection.Grpc;

/// <summary>One registered rpc on the server: how to read its request and run it against a service instance.</summary>
internal abstract class ServerMethod(string serviceName, string methodName, string fullName, Type serviceType)
{
    public string ServiceName { get; } = serviceName;
    public string MethodName { get; } = methodName;
    public string FullName { get; } = fullName;
    public Type ServiceType { get; } = serviceType;

    public abstract Task RunAsync(GrpcCall call, object service);
}
