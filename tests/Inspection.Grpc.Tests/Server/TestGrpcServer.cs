using System.Net;
using System.Net.Sockets;
using Grpc.AspNetCore.Server;
using Inspection.Security;
using Inspection.ServiceDefaults;
using Inspection.Testing;
using Inspection.Testing.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inspection.Grpc.Tests.Server;

/// <summary>
/// A real host on a free loopback port, built the way every service host is: <c>AddServiceDefaults</c> (Kestrel h2c on
/// its own HTTP/2-only port, grpc-dotnet with the error interceptor, INVALID_ARGUMENT on unparsable bytes, the 4 MiB
/// receive limit, JwtBearer authentication and the deny-by-default RPC policy) and <c>MapDefaultEndpoints</c>, serving
/// the Interop test service. The only test-specific parts: the RPC policy opens the Interop RPCs to anonymous callers
/// (grpc-js sends no token) and server reflection to Administrators and audit.read only (<see cref="ScopedRpc"/>), two interceptors that record calls and fake unavailability, and the service client the
/// Relay RPC calls onwards with (<c>AddServiceClient</c>, pointed at this host itself unless told otherwise).
/// </summary>
public sealed class TestGrpcServer : IAsyncDisposable
{
    /// <summary>The app id the host runs as (its key ring and credential); any app of deploy/services.json would do.</summary>
    public const string HostAppId = "recommendation-tracking";

    /// <summary>The app id the Relay RPC's service client calls (Services:interop-target:GrpcUrl, or dapr-app-id under Dapr).</summary>
    public const string RelayAppId = "interop-target";

    /// <summary>An RPC closed to everyone but Administrators and the audit.read scope, for refusals' messages.</summary>
    public const string ScopedRpc = "grpc.reflection.v1.ServerReflection/ServerReflectionInfo";

    private static readonly RpcPolicy InteropPolicy = RpcPolicy.Parse($$"""
        { "rpcs": { {{string.Join(", ", Interop.Descriptor.Methods.Select(m => $"\"{Interop.Descriptor.FullName}/{m.Name}\": {{ \"anonymous\": true }}"))}},
          "{{ScopedRpc}}": { "role": "Administrator", "scopes": ["audit.read"] } } }
        """);

    private readonly WebApplication _app;

    private TestGrpcServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }
    public string Address => $"http://127.0.0.1:{Port}";
    public string Target => $"127.0.0.1:{Port}";
    public IServiceProvider Services => _app.Services;
    public InteropProbe Probe => _app.Services.GetRequiredService<InteropProbe>();
    public FlakyCallInterceptor Flaky => _app.Services.GetRequiredService<FlakyCallInterceptor>();

    /// <param name="settings">More configuration (e.g. DAPR_GRPC_PORT, or Services:interop-target:GrpcUrl for Relay).</param>
    public static async Task<TestGrpcServer> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, int? port = null)
    {
        var chosen = port ?? FreePort();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ports:Grpc"] = chosen.ToString(),
            ["Ports:Http"] = FreePort().ToString(),
            ["Auth:KeysDirectory"] = TestKeys.Directory,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "",
            [$"Services:{RelayAppId}:GrpcUrl"] = $"http://127.0.0.1:{chosen}",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);

        builder.AddServiceDefaults(HostAppId);
        builder.Services.AddSingleton(InteropPolicy);
        builder.Services.AddSingleton<InteropProbe>();
        builder.Services.AddSingleton<FlakyCallInterceptor>();
        // inside the defaults' interceptors (registered after them), so what they throw meets the error interceptor
        builder.Services.Configure<GrpcServiceOptions>(grpc =>
        {
            grpc.Interceptors.Add<CallRecorder>();
            grpc.Interceptors.Add<FlakyCallInterceptor>();
        });
        builder.AddServiceClient<Interop.InteropClient>(RelayAppId);

        var app = builder.Build();
        app.MapDefaultEndpoints();
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
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }
}
