using Inspection.Grpc;

namespace Inspection.Security;

/// <summary>Under Dapr with API token authentication (DAPR_API_TOKEN), the sidecar accepts only calls that carry it.</summary>
public sealed class DaprApiTokenCredentials(string token) : IClientCallInterceptor
{
    public ValueTask BeforeCallAsync(string fullMethodName, Metadata headers, CancellationToken cancellationToken)
    {
        headers.Add("dapr-api-token", token);
        return ValueTask.CompletedTask;
    }
}
