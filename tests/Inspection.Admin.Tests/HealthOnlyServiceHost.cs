using Grpc.Health.V1;
using Inspection.Grpc;
using Inspection.ServiceDefaults;
using Inspection.Testing;
using Microsoft.AspNetCore.Builder;

namespace Inspection.Admin.Tests;

/// <summary>
/// A real gRPC host under a service's app id made of the shared building blocks only (Kestrel HTTP/2, the gRPC
/// server, the grpc.health.v1 service), for a service whose own host has not landed yet. It answers health
/// checks exactly as that service's host will, and nothing else.
/// </summary>
public sealed class HealthOnlyServiceHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HealthOnlyServiceHost(WebApplication app, string appId, int grpcPort)
    {
        _app = app;
        AppId = appId;
        GrpcPort = grpcPort;
    }

    public string AppId { get; }
    public int GrpcPort { get; }
    public string GrpcAddress => $"http://127.0.0.1:{GrpcPort}";

    public static async Task<HealthOnlyServiceHost> StartAsync(string appId)
    {
        var grpcPort = ServiceTestHost<Program>.FreePort();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration["Ports:Grpc"] = grpcPort.ToString();
        builder.Configuration["Ports:Http"] = ServiceTestHost<Program>.FreePort().ToString();
        builder.AddServiceDefaults(appId);
        var app = builder.Build();
        await app.StartAsync();
        var host = new HealthOnlyServiceHost(app, appId, grpcPort);
        using var channel = GrpcChannel.ForAddress(host.GrpcAddress);
        var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), new CallOptions(Deadline: DateTime.UtcNow.AddSeconds(30)));
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
