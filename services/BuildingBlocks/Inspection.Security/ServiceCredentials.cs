using Inspection.Grpc;

namespace Inspection.Security;

/// <summary>Sends this service's own token on every outgoing call that does not already carry a credential.</summary>
public sealed class ServiceCredentials(TokenIssuer issuer) : IClientCallInterceptor
{
    public ValueTask BeforeCallAsync(string fullMethodName, Metadata headers, CancellationToken cancellationToken)
    {
        if (headers.GetValue("authorization") is null) headers.Add("authorization", "Bearer " + issuer.ForService());
        return ValueTask.CompletedTask;
    }
}
