using Grpc.Health.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Inspection.Testing;

/// <summary>
/// A real service host for tests: the service's own Program on Kestrel, on free loopback ports (real HTTP/2
/// sockets, not the in-memory test server), with the settings given (typically ConnectionStrings:Default and
/// Services:&lt;app-id&gt;:GrpcUrl of the services it calls). Ready once its gRPC health check says SERVING.
/// The test project must reference Microsoft.AspNetCore.Mvc.Testing itself (it copies the host's deps files).
/// </summary>
public sealed class ServiceTestHost<TEntryPoint> : IAsyncDisposable where TEntryPoint : class
{
    private readonly WebApplicationFactory<TEntryPoint> _factory;

    private ServiceTestHost(WebApplicationFactory<TEntryPoint> factory, int grpcPort, int httpPort)
    {
        _factory = factory;
        GrpcPort = grpcPort;
        HttpPort = httpPort;
        Channel = TestKeys.Channel(GrpcAddress);
    }

    /// <summary>The authorization header value the <see cref="Channel"/> sends (an Administrator's token), for raw HTTP/2 requests.</summary>
    public string AuthorizationHeader => TestKeys.BearerFor();

    public int GrpcPort { get; }
    public int HttpPort { get; }
    public string GrpcAddress => $"http://127.0.0.1:{GrpcPort}";
    /// <summary>A channel whose calls carry a signed-in Administrator's token (tests of authentication make their own).</summary>
    public GrpcChannel Channel { get; }
    public IServiceProvider Services => _factory.Services;

    /// <summary>A generated typed client (e.g. RecommendationTracking.RecommendationTrackingClient) on this host.</summary>
    public TClient CreateClient<TClient>() where TClient : class =>
        (TClient)Activator.CreateInstance(typeof(TClient), Channel)!;

    public static async Task<ServiceTestHost<TEntryPoint>> StartAsync(IReadOnlyDictionary<string, string?> settings, TimeSpan? readyWithin = null)
    {
        var grpcPort = FreePort();
        var httpPort = FreePort();
        var factory = new WebApplicationFactory<TEntryPoint>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("Ports:Grpc", grpcPort.ToString());
            web.UseSetting("Ports:Http", httpPort.ToString());
            web.UseSetting("Auth:KeysDirectory", TestKeys.Directory);
            foreach (var (key, value) in settings) web.UseSetting(key, value);
        });
        factory.UseKestrel();
        factory.StartServer();
        var host = new ServiceTestHost<TEntryPoint>(factory, grpcPort, httpPort);
        try
        {
            await host.WaitUntilServingAsync(readyWithin ?? TimeSpan.FromSeconds(60));
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
        return host;
    }

    /// <summary>Polls the standard gRPC health check until the host says SERVING.</summary>
    public async Task WaitUntilServingAsync(TimeSpan within)
    {
        var health = new Health.HealthClient(Channel);
        var until = DateTime.UtcNow + within;
        while (true)
        {
            try
            {
                var reply = await health.CheckAsync(new HealthCheckRequest(), new CallOptions(deadline: DateTime.UtcNow.AddSeconds(2)));
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving) return;
            }
            catch (RpcException) when (DateTime.UtcNow < until)
            {
            }
            if (DateTime.UtcNow >= until) throw new TimeoutException($"{typeof(TEntryPoint).Assembly.GetName().Name} was not SERVING within {within}");
            await Task.Delay(100);
        }
    }

    public static int FreePort() => LoopbackPort.Free();

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _factory.DisposeAsync();
    }
}
