using Microsoft.Extensions.Configuration;
using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Inspection.ServiceDefaults;

/// <summary>
/// OpenTelemetry through the SDK directly (OpenTelemetry.Extensions.Hosting is not in the feed): a tracer provider
/// listening to ASP.NET Core, HttpClient, Npgsql, the gRPC layer and the app's own source, exporting over OTLP when
/// OTEL_EXPORTER_OTLP_ENDPOINT is set. Held as a DI singleton, so the host disposes (and flushes) it at shutdown.
/// </summary>
public sealed class Tracing : IDisposable
{
    private readonly TracerProvider? _provider;

    public Tracing(IConfiguration configuration, string appId)
    {
        var endpoint = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint)) return;
        var serviceName = configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : appId;
        _provider = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateDefault().AddService(serviceName))
            .AddSource("Microsoft.AspNetCore", "System.Net.Http", "Npgsql", Inspection.Grpc.GrpcTelemetry.SourceName, SourceNameFor(appId))
            .SetSampler(new ParentBasedSampler(new AlwaysOnSampler()))
            .AddOtlpExporter() // reads the standard OTEL_EXPORTER_OTLP_* variables
            .Build();
    }

    public bool Enabled => _provider is not null;

    /// <summary>The ActivitySource name an app uses for its own spans.</summary>
    public static string SourceNameFor(string appId) => "Inspection." + appId;

    public void Dispose()
    {
        _provider?.ForceFlush(5000);
        _provider?.Dispose();
    }
}
