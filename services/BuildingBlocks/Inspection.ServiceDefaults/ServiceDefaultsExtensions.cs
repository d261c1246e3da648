using System.Reflection;
using Grpc.AspNetCore.Server.Model;
using Inspection.Data;
using Inspection.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Inspection.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// The shared start-up of every gRPC host: a gRPC-only HTTP/2 port and an HTTP/1.1 port for probes (ports from
    /// deploy/services.json, overridable as Ports:Grpc / Ports:Http); grpc-dotnet with the error interceptor, the
    /// audit scope and a 4 MiB receive limit; health and reflection; authentication and the RPC policy on every call;
    /// this service's own credential on outgoing calls; OpenTelemetry; the system clock as <see cref="TimeProvider"/>.
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string appId)
    {
        var app = AppTopology.Get(appId);
        var grpcPort = builder.Configuration.GetValue<int?>("Ports:Grpc") ?? app.GrpcPort
            ?? throw new InvalidOperationException($"{appId} has no gRPC port");
        var httpPort = builder.Configuration.GetValue<int?>("Ports:Http") ?? app.HttpPort;
        var address = System.Net.IPAddress.Parse(builder.Configuration["Bind:Address"] ?? "127.0.0.1");
        builder.Configuration.AddProductionLogLevels();

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Kestrel serves only HTTP/1.1 on a cleartext port that allows both, so gRPC (h2c) gets its own port.
            kestrel.Listen(address, grpcPort, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(address, httpPort, listen => listen.Protocols = HttpProtocols.Http1);
            kestrel.Limits.Http2.MaxStreamsPerConnection = 1000;
        });
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = ServiceClients.MaxReceiveMessageSize;
            grpc.EnableDetailedErrors = false;
            grpc.IgnoreUnknownServices = true;   // UnknownMethods answers them, with details
            grpc.Interceptors.Add<GrpcErrorInterceptor>();   // outermost: whatever happens inside becomes a status
            grpc.Interceptors.Add<AuditActorScope>();
        });
        // grpc-dotnet's own provider answers UNKNOWN to request bytes that do not parse; ours binds the same way but
        // answers INVALID_ARGUMENT.
        builder.Services.RemoveAll(typeof(IServiceMethodProvider<>));
        builder.Services.AddSingleton(typeof(IServiceMethodProvider<>), typeof(InvalidArgumentOnParseFailure<>));
        builder.Services.AddReflectionWithComments();   // v1 and v1alpha, the contracts with their comments
        builder.Services.AddSingleton<HealthState>();
        builder.Services.AddGrpcHealthChecks().AddCheck<HealthState>("host");
        builder.Services.Configure<HealthCheckPublisherOptions>(publisher =>
        {
            // Watch follows the publisher: a change reaches watchers within a second.
            publisher.Delay = TimeSpan.Zero;
            publisher.Period = TimeSpan.FromSeconds(1);
        });
        builder.Services.AddSingleton<IHealthCheckPublisher, HealthTransitions>();
        builder.Services.AddGracefulShutdown(builder.Configuration);
        builder.Logging.AddFilter(HealthTransitions.NoisyCategory, LogLevel.Critical);
        builder.Services.AddTokenKeys(builder.Configuration, appId);
        builder.Services.AddCallAuthorisation(builder.Configuration);
        builder.Services.AddServiceCredentials();
        builder.Services.AddSingleton(new AppIdentity(appId, httpPort));
        // The clock every use case reads its "now" and "today" from (a test host may put its own in its place).
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddTelemetry(appId);
        return builder;
    }

    /// <summary>
    /// What every host serves besides its own service: grpc.health.v1 and server reflection on the gRPC port (reflection
    /// for authenticated callers only, by the RPC policy), the audit trail where there is a database, and the HTTP
    /// probes /health/live (the process answers) and /health/ready (it can serve) and Prometheus's /metrics on the HTTP port.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        var identity = app.Services.GetRequiredService<AppIdentity>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        if (app.Services.GetService<DatabaseReadiness>() is not null) app.MapGrpcService<AuditTrailService>();
        var probeHost = $"*:{identity.HttpPort}";
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).RequireHost(probeHost).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new()
        {
            ResultStatusCodes = { [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable },
        }).RequireHost(probeHost).AllowAnonymous();
        app.MapMetrics(identity.HttpPort);
        app.MapUnknownMethods();
        return app;
    }

    /// <summary>
    /// The service's own PostgreSQL database (ConnectionStrings:Default): an Npgsql data source sized by the connection
    /// budget (<see cref="ConnectionBudgets"/>; traced by Npgsql.OpenTelemetry), a small direct one past any pooler for the
    /// migrations, readiness and LISTEN (ConnectionStrings:Direct), the request ledger every write goes through, the
    /// migrations embedded in <paramref name="host"/> applied at start-up, readiness as a health check, and the host's
    /// stores: every <c>*Store</c> class of its <c>Data</c> namespace (one store of plain SQL per aggregate, where the
    /// layout rules keep them), one instance each. The host starts even when PostgreSQL is down: NOT_SERVING until the
    /// database is back.
    /// </summary>
    public static WebApplicationBuilder AddServiceDatabase(this WebApplicationBuilder builder, Assembly host)
    {
        var connectionString = builder.Configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException("ConnectionStrings:Default is not set");
        var identity = builder.Services.LastOrDefault(d => d.ServiceType == typeof(AppIdentity))?.ImplementationInstance as AppIdentity;
        var budget = ConnectionBudgets.For(builder.Configuration,
            identity is null ? new AppEndpoint("", "", null, 0, "") : AppTopology.Get(identity.AppId));
        var direct = ConnectionBudgets.DirectConnectionString(builder.Configuration);
        builder.Services.AddSingleton(_ => DataSources.Pooled(connectionString, budget));
        builder.Services.AddSingleton(_ => DataSources.Direct(connectionString, direct, budget));
        builder.Services.AddSingleton(sp => new Database(sp.GetRequiredService<NpgsqlDataSource>()));
        builder.Services.AddSingleton<RequestLedger>();
        builder.Services.AddSingleton(sp => new DatabaseReadiness(
            sp.GetRequiredService<NpgsqlDataSource>(), host, sp.GetRequiredService<ILogger<DatabaseReadiness>>(),
            sp.GetRequiredService<DirectDataSource>()));
        builder.Services.AddHostedService<DatabaseReadinessLoop>();
        builder.Services.AddSingleton<AuditTrailStore>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        foreach (var store in Stores(host)) builder.Services.TryAddSingleton(store);
        return builder;
    }

    /// <summary>The stores of a host: the public, concrete <c>*Store</c> classes of its <c>Data</c> namespace.</summary>
    public static IEnumerable<Type> Stores(Assembly host) =>
        host.GetExportedTypes().Where(t => t is { IsClass: true, IsAbstract: false, Namespace: { } ns }
                                           && ns.EndsWith(".Data", StringComparison.Ordinal)
                                           && t.Name.EndsWith("Store", StringComparison.Ordinal));
}

/// <summary>This host's Dapr app id (for spans and logs) and its HTTP probe port.</summary>
public sealed record AppIdentity(string AppId, int HttpPort = 0);
