using System.Net;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inspection.Scoring.Tests.Grpc;

/// <summary>A gRPC host on a free loopback port serving the case-sampling and organisational-evidence stand-ins.</summary>
public sealed class UpstreamStubHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private UpstreamStubHost(WebApplication app, int port)
    {
        _app = app;
        GrpcAddress = $"http://127.0.0.1:{port}";
    }

    public string GrpcAddress { get; }

    public static async Task<UpstreamStubHost> StartAsync(UpstreamState state)
    {
        var port = Inspection.Testing.LoopbackPort.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(state);
        var app = builder.Build();
        app.MapGrpcService<StubCaseSampling>();
        app.MapGrpcService<StubOrganisationalEvidence>();
        await app.StartAsync();
        return new UpstreamStubHost(app, port);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
