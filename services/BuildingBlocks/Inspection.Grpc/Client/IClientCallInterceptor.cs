namespace Inspection.Grpc;

/// <summary>Runs before each outgoing call (and each retry): adds headers such as credentials.</summary>
public interface IClientCallInterceptor
{
    ValueTask BeforeCallAsync(string fullMethodName, Metadata headers, CancellationToken cancellationToken);
}
