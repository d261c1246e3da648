using Inspection.Grpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Inspection.ServiceDefaults;

/// <summary>Serves the audit trail on the gRPC port of every host with a database.</summary>
internal sealed class AuditTrailEndpoint : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.MapGrpcService<AuditTrailService>();
        next(app);
    };
}
