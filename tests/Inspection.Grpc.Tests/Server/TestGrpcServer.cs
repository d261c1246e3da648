using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inspection.Grpc.Tests.Server;

/// <summary>
/// A real Kestrel host on a free loopback port serving only HTTP/2 (as every service host does), with the
/// Interop service mapped, for tests to call over real sockets.
/// </summary>
public sealed class TestGrpcServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestGrpcServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
        Address = $"http://127.0.0.1:{port}";
    }

    public int Port { get; }
    public string Address { get; }
    public IServiceProvider Services => _app.Services;
    public InteropProbe Probe => _app.Services.GetRequiredService<InteropProbe>();
    public FlakyCallInterceptor Flaky => _app.Services.GetRequiredService<FlakyCallInterceptor>();

    public static async Task<TestGrpcServer> StartAsync(Action<GrpcServerOptions>? configure = null, Action<IServiceCollection>? services = null, int? port = null)
    {
        var chosen = port ?? FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, chosen, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Limits.Http2.MaxStreamsPerConnection = 1000;
        });
        builder.Services.AddGrpcServer(options =>
        {
            options.GrpcPorts.Add(chosen);
            configure?.Invoke(options);
        });
        builder.Services.AddSingleton<InteropProbe>();
        builder.Services.AddSingleton<FlakyCallInterceptor>();
        builder.Services.AddSingleton<IServerCallInterceptor>(sp => sp.GetRequiredService<FlakyCallInterceptor>());
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapGrpcService<InteropService>();
        await app.StartAsync();
        return new TestGrpcServer(app, chosen);
    }

    /// <summary>A port free at the moment of asking; Kestrel binds it right after.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }
}
