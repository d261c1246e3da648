using System.Reflection;
using Inspection.Data;
using Inspection.Grpc;
using Inspection.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Inspection.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// The shared start-up of every gRPC host: a gRPC-only HTTP/2 port and an HTTP/1.1 port for probes (ports from
    /// deploy/services.json, overridable as Ports:Grpc / Ports:Http), the gRPC server with the health service,
    /// tracing, and authentication: every call carries a signed token checked against the RPC policy (Inspection.Security),
    /// and outgoing calls carry this service's own.
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string appId)
    {
        var app = AppTopology.Get(appId);
        var grpcPort = builder.Configuration.GetValue<int?>("Ports:Grpc") ?? app.GrpcPort
            ?? throw new InvalidOperationException($"{appId} has no gRPC port");
        var httpPort = builder.Configuration.GetValue<int?>("Ports:Http") ?? app.HttpPort;
        var address = System.Net.IPAddress.Parse(builder.Configuration["Bind:Address"] ?? "127.0.0.1");

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Kestrel serves only HTTP/1.1 on a cleartext port that allows both, so gRPC (h2c) gets its own port.
            kestrel.Listen(address, grpcPort, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(address, httpPort, listen => listen.Protocols = HttpProtocols.Http1);
            kestrel.Limits.Http2.MaxStreamsPerConnection = 1000;
        });
        builder.Services.AddGrpcServer(options =>
        {
            options.GrpcPorts.Add(grpcPort);
            // A database that went away is a passing condition the caller may retry, not a bug.
            options.ExceptionMappings.Add(e => e is NpgsqlException { IsTransient: true } or TimeoutException
                ? new Status(StatusCode.Unavailable, "The service's database is unavailable; retry shortly")
                : null);
        });
        builder.Services.AddTokenKeys(builder.Configuration, appId);
        builder.Services.AddCallAuthorisation(builder.Configuration);   // the first interceptor: nothing runs for an unknown caller
        builder.Services.AddSingleton<IServerCallInterceptor, AuditActorScope>();
        builder.Services.AddServiceCredentials(builder.Configuration);
        builder.Services.AddSingleton<HealthState>();
        builder.Services.AddSingleton(sp => new Tracing(sp.GetRequiredService<IConfiguration>(), appId));
        builder.Services.AddHostedService<TracingStarter>();
        builder.Services.AddSingleton<IStartupFilter>(new ProbeEndpoints(httpPort));
        builder.Services.AddSingleton(new AppIdentity(appId));
        return builder;
    }

    /// <summary>
    /// The service's own PostgreSQL database (ConnectionStrings:Default): an Npgsql data source with tracing, the
    /// migrations embedded in <paramref name="migrations"/> applied at start-up, and readiness feeding health.
    /// The host starts even when PostgreSQL is down: it reports NOT_SERVING until the database is back.
    /// </summary>
    public static WebApplicationBuilder AddServiceDatabase(this WebApplicationBuilder builder, Assembly migrations)
    {
        var connectionString = builder.Configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException("ConnectionStrings:Default is not set");
        builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        builder.Services.AddSingleton(sp => new Database(sp.GetRequiredService<NpgsqlDataSource>()));
        builder.Services.AddSingleton(sp => new DatabaseReadiness(
            sp.GetRequiredService<NpgsqlDataSource>(), migrations, sp.GetRequiredService<ILogger<DatabaseReadiness>>()));
        builder.Services.AddHostedService<DatabaseReadinessLoop>();
        builder.Services.AddSingleton<AuditTrailStore>();
        builder.Services.AddSingleton<IStartupFilter, AuditTrailEndpoint>();
        return builder;
    }
}

/// <summary>This host's Dapr app id, for spans and logs.</summary>
public sealed record AppIdentity(string AppId);
