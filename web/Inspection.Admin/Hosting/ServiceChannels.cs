using Grpc.Health.V1;
using Grpc.Net.ClientFactory;
using Inspection.Audit.V1;
using Inspection.ServiceDefaults;

namespace Inspection.Admin.Hosting;

/// <summary>
/// The clients the admin needs once per service rather than once per contract (health and audit trail), from the same
/// client factory as the typed clients, and where each service is reached, for the status page and error messages.
/// </summary>
public sealed class ServiceChannels(GrpcClientFactory clients, IConfiguration configuration)
{
    public static void Register(WebApplicationBuilder builder)
    {
        foreach (var app in AppTopology.All.Where(a => a.GrpcPort is not null))
        {
            builder.AddServiceClient<Health.HealthClient>(app.AppId, "health:" + app.AppId);
            builder.AddServiceClient<AuditTrail.AuditTrailClient>(app.AppId, "audit:" + app.AppId);
        }
        builder.Services.AddSingleton<ServiceChannels>();
    }

    public Health.HealthClient Health(string appId) => clients.CreateClient<Health.HealthClient>("health:" + appId);

    public AuditTrail.AuditTrailClient AuditTrail(string appId) => clients.CreateClient<AuditTrail.AuditTrailClient>("audit:" + appId);

    public bool UnderDapr => ServiceClients.UnderDapr(configuration);

    /// <summary>"host:port" the admin calls for this service (the sidecar's, under Dapr).</summary>
    public string AddressOf(string appId) => UnderDapr
        ? new Uri(Dapr.DaprDefaults.GetDefaultGrpcEndpoint(configuration)).Authority
        : new Uri(configuration[$"Services:{appId}:GrpcUrl"] ?? $"http://{appId}").Authority;
}
