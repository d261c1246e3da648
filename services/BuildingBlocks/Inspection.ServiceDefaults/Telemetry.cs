using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Inspection.ServiceDefaults;

/// <summary>
/// OpenTelemetry through its hosting package: traces of ASP.NET Core (gRPC server calls included), the gRPC client,
/// HttpClient, Npgsql and the app's own source; metrics of ASP.NET Core, HttpClient, the runtime and Npgsql; both
/// exported over OTLP (the standard OTEL_EXPORTER_OTLP_* variables). Off unless OTEL_EXPORTER_OTLP_ENDPOINT is set.
/// The host starts the providers with it and flushes them when it stops.
/// </summary>
public static class Telemetry
{
    /// <summary>The ActivitySource name an app uses for its own spans.</summary>
    public static string SourceNameFor(string appId) => "Inspection." + appId;

    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder, string appId)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) return builder;
        // gRPC server spans get the rpc.* attributes only with this switch (OpenTelemetry 1.20).
        builder.Configuration["OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_ENABLE_GRPC_INSTRUMENTATION"] ??= "true";
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : appId;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new AlwaysOnSampler()))
                .AddAspNetCoreInstrumentation()
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource(SourceNameFor(appId)))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation())
            .UseOtlpExporter();
        return builder;
    }
}
