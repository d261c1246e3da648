using System.Net;
using Inspection.Admin.Accounts;
using Grpc.Core;
using Inspection.Security;
using Inspection.ServiceDefaults;
using Microsoft.AspNetCore.Rewrite;
using Microsoft.Extensions.Configuration.Memory;

namespace Inspection.Admin.Hosting;

public static class AdminHostExtensions
{
    /// <summary>
    /// Kestrel on Bind:Address (127.0.0.1) and Ports:Http (the admin's port in deploy/services.json), OpenTelemetry
    /// tracing (off unless OTEL_EXPORTER_OTLP_ENDPOINT is set) and the built static assets in any environment.
    /// </summary>
    public static WebApplicationBuilder AddAdminHost(this WebApplicationBuilder builder, AppEndpoint admin)
    {
        var port = builder.Configuration.GetValue<int?>("Ports:Http") ?? admin.HttpPort;
        var address = IPAddress.Parse(builder.Configuration["Bind:Address"] ?? "127.0.0.1");
        // Prometheus's /metrics is served on its own port (Ports:Metrics), never beside the public pages.
        var metricsPort = builder.Configuration.GetValue<int?>("Ports:Metrics") ?? admin.InternalPort;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(address, port);
            kestrel.Listen(address, metricsPort);
        });
        builder.Services.AddSingleton(new AdminMetricsPort(metricsPort));
        builder.Configuration.AddProductionLogLevels();   // framework categories at Warning: no line per request or per service call
        // Serves wwwroot (with the front-end packages copied in by the build) from a plain build too, not only in Development.
        builder.WebHost.UseStaticWebAssets();
        builder.AddTelemetry(admin.AppId);
        builder.Services.Configure<RouteOptions>(routes => routes.LowercaseUrls = true);
        builder.Services.AddAntiforgery(antiforgery => antiforgery.Cookie.Name = "inspection-admin-antiforgery");
        builder.Services.AddGracefulShutdown(builder.Configuration);   // SIGTERM: not ready at once, pages in flight finish
        builder.AddAdmissionControl();   // so many requests at once, the rest wait their turn: overload is slow, not failed
        return builder;
    }

    /// <summary>
    /// Services:&lt;app-id&gt;:GrpcUrl for every service that is not configured: http://127.0.0.1 and its gRPC port in
    /// deploy/services.json. Configured values (settings, environment, command line) win.
    /// </summary>
    public static ConfigurationManager AddServiceAddressDefaults(this ConfigurationManager configuration, IEnumerable<AppEndpoint> apps)
    {
        var defaults = apps.Where(a => a.GrpcPort is not null)
            .ToDictionary(a => $"Services:{a.AppId}:GrpcUrl", a => (string?)$"http://127.0.0.1:{a.GrpcPort}");
        ((IConfigurationBuilder)configuration).Sources.Insert(0, new MemoryConfigurationSource { InitialData = defaults });
        return configuration;
    }

    /// <summary>
    /// The admin signs the tokens that carry the signed-in member of staff to the services (Auth:KeysDirectory holds its
    /// private key); it is also where integrators get theirs.
    /// </summary>
    public static WebApplicationBuilder AddStaffCredentials(this WebApplicationBuilder builder, AppEndpoint admin)
    {
        builder.Services.AddTokenKeys(builder.Configuration, admin.AppId);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<IOutgoingCredentials, StaffCredentials>();
        return builder;
    }

    /// <summary>GOV.UK error pages, static files, sign-in, probes and the pages.</summary>
    public static WebApplication UseAdminPipeline(this WebApplication app)
    {
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseMiddleware<SecurityHeaders>();
        // The GOV.UK and MoJ stylesheets refer to /assets/...: the build copies those files under wwwroot/lib/assets.
        app.UseRewriter(new RewriteOptions().AddRewrite("^assets/(.*)$", "lib/assets/$1", skipRemainingRules: true));
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();   // AdmissionControl: after static files, so a page's stylesheets never wait behind pages
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/health/live", () => Results.Text("Healthy")).AllowAnonymous();
        app.MapGet("/health/ready", (AdminDatabaseStartup database, GracefulShutdown shutdown) => database.IsReady && !shutdown.Stopping
            ? Results.Text("Ready")
            : Results.Text("Not ready", statusCode: StatusCodes.Status503ServiceUnavailable)).AllowAnonymous();
        app.MapMetrics(app.Services.GetRequiredService<AdminMetricsPort>().Port);
        app.MapTokenEndpoint();
        app.MapRazorPages();
        return app;
    }
}

/// <summary>The port /metrics is served on (and only there).</summary>
public sealed record AdminMetricsPort(int Port);
