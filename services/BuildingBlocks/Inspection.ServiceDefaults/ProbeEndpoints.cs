using Inspection.Grpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Inspection.ServiceDefaults;

/// <summary>
/// Liveness (/health/live: the process answers) and readiness (/health/ready: it can serve) on the HTTP/1.1 port,
/// for orchestrators that probe over plain HTTP; and the gRPC health service on the gRPC port.
/// </summary>
internal sealed class ProbeEndpoints(int httpPort) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.MapGrpcService<HealthService>();
        var health = app.ApplicationServices.GetRequiredService<HealthState>();
        app.Use((http, nextMiddleware) =>
        {
            if (http.Connection.LocalPort == httpPort && HttpMethods.IsGet(http.Request.Method))
            {
                if (http.Request.Path == "/health/live") return Write(http, StatusCodes.Status200OK, "Healthy");
                if (http.Request.Path == "/health/ready")
                    return health.IsServing ? Write(http, StatusCodes.Status200OK, "Serving") : Write(http, StatusCodes.Status503ServiceUnavailable, "NotServing");
            }
            return nextMiddleware(http);
        });
        next(app);
    };

    private static Task Write(HttpContext http, int status, string text)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain";
        return http.Response.WriteAsync(text);
    }
}
