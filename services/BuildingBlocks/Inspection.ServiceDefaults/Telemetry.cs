using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Inspection.ServiceDefaults;

/// <summary>
/// OpenTelemetry through its hosting package, one <c>AddOpenTelemetry()</c> for the three signals:
/// metrics of ASP.NET Core, gRPC calls served (<see cref="RpcMetrics"/>), HttpClient, the runtime, Npgsql and the
/// product (<see cref="ProductMetrics"/>), always on and read by Prometheus at /metrics (<see cref="MetricsEndpoint"/>);
/// traces of ASP.NET Core (gRPC server calls included), the gRPC client, HttpClient, Npgsql and the app's own source,
/// and the logs (with their trace and span ids), both exported over OTLP (the standard OTEL_EXPORTER_OTLP_* variables)
/// when OTEL_EXPORTER_OTLP_ENDPOINT is set. The host starts the providers with it and flushes them when it stops.
/// </summary>
public static class Telemetry
{
    /// <summary>The ActivitySource name an app uses for its own spans.</summary>
    public static string SourceNameFor(string appId) => "Inspection." + appId;

    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder, string appId)
    {
        builder.AddStructuredLogs();
        builder.Services.AddSingleton<ProductMetrics>();
        builder.Services.AddSingleton<RpcMetrics>();
        builder.Services.AddSingleton<IStartupFilter, RpcMetrics.StartupFilter>();
        builder.Services.AddHostedService<DatabaseReachability>();
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : appId;
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(ProductMetrics.MeterName, RpcMetrics.MeterName)
                .AddPrometheusExporter());
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) return builder;
        // gRPC server spans get the rpc.* attributes only with this switch (OpenTelemetry 1.20).
        builder.Configuration["OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_ENABLE_GRPC_INSTRUMENTATION"] ??= "true";
        otel.WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new AlwaysOnSampler()))
                .AddAspNetCoreInstrumentation()
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource(SourceNameFor(appId))
                .AddOtlpExporter())
            .WithLogging(logging => logging.AddOtlpExporter(), options => options.IncludeFormattedMessage = true);
        return builder;
    }
}
