using System.Collections.Concurrent;
using System.Net;
using Inspection.Grpc.Tests.Server;
using Inspection.Testing.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inspection.Grpc.Tests;

/// <summary>
/// Under Dapr every call goes to the local sidecar, which routes by dapr-app-id. A tiny fake sidecar checks what
/// arrives and forwards it to the app, as the real one would.
/// </summary>
public sealed class DaprAddressingTests(SharedServer app) : IClassFixture<SharedServer>
{
    private const string AppId = "interop-target";

    [Fact]
    public async Task With_DAPR_GRPC_PORT_set_calls_go_to_the_sidecar_with_the_app_id()
    {
        await using var sidecar = await FakeSidecar.StartAsync(app.Server.Address);
        using var services = Services(new() { ["DAPR_GRPC_PORT"] = sidecar.Port.ToString() });
        var client = services.GetRequiredService<Interop.InteropClient>();

        var reply = await client.EchoAsync(new EchoRequest { Text = "via sidecar" });
        var counted = new List<int>();
        await foreach (var r in client.Count(new CountRequest { N = 3 })) counted.Add(r.Index);

        Assert.Equal("via sidecar", reply.Text);
        Assert.Equal([1, 2, 3], counted);
        Assert.Equal([("/" + Interop.EchoMethod.FullName, AppId, null), ("/" + Interop.CountMethod.FullName, AppId, "true")], sidecar.Seen);
    }

    [Fact]
    public async Task The_sidecar_refusing_an_unknown_app_id_reaches_the_caller_as_its_status()
    {
        await using var sidecar = await FakeSidecar.StartAsync(app.Server.Address);
        using var channel = GrpcChannel.ForAddress(sidecar.Address, new GrpcChannelOptions { Address = new Uri(sidecar.Address), DaprAppId = "someone-else" });
        var e = await Assert.ThrowsAsync<RpcException>(() => new Interop.InteropClient(channel).AppendAsync(new EchoRequest()));
        Assert.Equal(StatusCode.Unimplemented, e.StatusCode);
        Assert.Contains("someone-else", e.Status.Detail);
    }

    [Fact]
    public async Task Without_Dapr_calls_go_straight_to_the_configured_url_with_no_dapr_headers()
    {
        using var services = Services(new() { [$"Services:{AppId}:GrpcUrl"] = app.Server.Address });
        var reply = await services.GetRequiredService<Interop.InteropClient>().EchoAsync(new EchoRequest { Text = "direct" });
        Assert.Equal("direct", reply.Text);
    }

    [Fact]
    public void A_target_with_no_address_is_a_clear_configuration_error()
    {
        using var services = Services([]);
        var e = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<Interop.InteropClient>());
        Assert.Contains($"Services:{AppId}:GrpcUrl", e.Message);
    }

    [Fact]
    public async Task Client_interceptors_registered_in_DI_add_their_headers_to_every_call()
    {
        var key = Guid.NewGuid().ToString();
        using var services = Services(new() { [$"Services:{AppId}:GrpcUrl"] = app.Server.Address }, new CallKey(key));
        var client = services.GetRequiredService<Interop.InteropClient>();

        await client.EchoAsync(new EchoRequest());
        await client.AppendAsync(new EchoRequest());

        Assert.Equal(2, app.Server.Flaky.AttemptsOf(key));
    }

    /// <summary>Stands for a credentials interceptor: a header on every outgoing call (read by the server's FlakyCallInterceptor).</summary>
    private sealed class CallKey(string key) : IClientCallInterceptor
    {
        public ValueTask BeforeCallAsync(string fullMethodName, Metadata headers, CancellationToken cancellationToken)
        {
            headers.Add("x-call-key", key).Add("x-fail-first", "0");
            return ValueTask.CompletedTask;
        }
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings, IClientCallInterceptor? interceptor = null)
    {
        var collection = new ServiceCollection();
        if (interceptor is not null) collection.AddSingleton(interceptor);
        collection.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        collection.AddGrpcClient<Interop.InteropClient>(AppId);
        return collection.BuildServiceProvider();
    }

    /// <summary>Records (path, dapr-app-id, dapr-stream) of every call and forwards those for <see cref="AppId"/> to the app over h2c.</summary>
    private sealed class FakeSidecar : IAsyncDisposable
    {
        private readonly WebApplication _host;
        private readonly HttpClient _forward = new(new SocketsHttpHandler());
        private readonly ConcurrentQueue<(string, string?, string?)> _seen = new();

        private FakeSidecar(WebApplication host, int port) { _host = host; Port = port; }

        public int Port { get; }
        public string Address => $"http://127.0.0.1:{Port}";
        public IReadOnlyList<(string Path, string? AppId, string? Stream)> Seen => [.. _seen];

        public static async Task<FakeSidecar> StartAsync(string appAddress)
        {
            var port = TestGrpcServer.FreePort();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http2));
            var host = builder.Build();
            var sidecar = new FakeSidecar(host, port);
            host.Run(async http =>
            {
                var appId = http.Request.Headers["dapr-app-id"].FirstOrDefault();
                sidecar._seen.Enqueue((http.Request.Path.Value!, appId, http.Request.Headers["dapr-stream"].FirstOrDefault()));
                if (appId != AppId)
                {
                    http.Response.ContentType = "application/grpc";
                    http.Response.Headers["grpc-status"] = "12";
                    http.Response.Headers["grpc-message"] = $"no app '{appId}' known to this sidecar";
                    return;
                }
                await ForwardAsync(http, sidecar._forward, appAddress);
            });
            await host.StartAsync();
            return sidecar;
        }

        private static async Task ForwardAsync(HttpContext http, HttpClient forward, string appAddress)
        {
            var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            using var request = new HttpRequestMessage(HttpMethod.Post, appAddress + http.Request.Path)
            {
                Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact, Content = new ByteArrayContent(body.ToArray()),
            };
            foreach (var (key, values) in http.Request.Headers)
            {
                if (key.StartsWith(':') || key is "Host" or "Content-Length") continue;
                if (!request.Headers.TryAddWithoutValidation(key, (IEnumerable<string?>)values)) request.Content.Headers.TryAddWithoutValidation(key, (IEnumerable<string?>)values);
            }
            using var response = await forward.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            http.Response.StatusCode = (int)response.StatusCode;
            foreach (var (key, values) in response.Headers) http.Response.Headers[key] = values.ToArray();
            foreach (var (key, values) in response.Content.Headers) http.Response.Headers[key] = values.ToArray();
            await (await response.Content.ReadAsStreamAsync()).CopyToAsync(http.Response.Body);
            foreach (var (key, values) in response.TrailingHeaders) http.Response.AppendTrailer(key, values.ToArray());
        }

        public async ValueTask DisposeAsync()
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
            _forward.Dispose();
        }
    }
}
