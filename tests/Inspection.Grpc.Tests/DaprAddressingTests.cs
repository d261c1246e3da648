using Inspection.Grpc.Tests.Server;
using Inspection.Grpc.Tests.Support;
using Inspection.Security;
using Inspection.Testing.V1;

namespace Inspection.Grpc.Tests;

/// <summary>
/// Under Dapr (DAPR_GRPC_PORT or DAPR_GRPC_ENDPOINT set) a service client's calls go to the local sidecar, and
/// Dapr.Client's InvocationInterceptor names the target app (dapr-app-id) and sends the sidecar's token
/// (dapr-api-token); otherwise they go straight to Services:&lt;app-id&gt;:GrpcUrl. The fake sidecar is a test gRPC
/// server on the sidecar's port that records the headers every call arrived with.
/// </summary>
public sealed class DaprAddressingTests(SharedServer sidecar) : IClassFixture<SharedServer>
{
    private const string ApiToken = "sidecar-token-for-tests";

    [Theory]
    [InlineData("DAPR_GRPC_PORT")]
    [InlineData("DAPR_GRPC_ENDPOINT")]
    public async Task Under_Dapr_calls_go_to_the_sidecar_with_the_app_id_and_api_token(string setting)
    {
        var key = Guid.NewGuid().ToString();
        using var clients = new ServiceClientHost(new Dictionary<string, string?>
        {
            [setting] = setting == "DAPR_GRPC_PORT" ? sidecar.Server.Port.ToString() : sidecar.Server.Address,
            ["DAPR_API_TOKEN"] = ApiToken,
            // ignored under Dapr: the sidecar finds the app
            [$"Services:{ServiceClientHost.AppId}:GrpcUrl"] = "http://127.0.0.1:1",
        });
        // a fresh Metadata per call: Dapr's interceptor adds its headers to the caller's collection itself
        var reply = await clients.Client.EchoAsync(new EchoRequest { Text = "via sidecar" }, new Metadata { { "x-call-key", key } });
        var counted = new List<int>();
        await foreach (var r in clients.Client.Count(new CountRequest { N = 3 }, new Metadata { { "x-call-key", key } }).ResponseStream.ReadAllAsync()) counted.Add(r.Index);

        Assert.Equal("via sidecar", reply.Text);
        Assert.Equal([1, 2, 3], counted);
        var calls = sidecar.Server.Probe.CallsWith("x-call-key", key);
        Assert.Equal(["/inspection.testing.v1.Interop/Echo", "/inspection.testing.v1.Interop/Count"], calls.Select(c => c.Method));
        Assert.All(calls, call =>
        {
            Assert.Equal(ServiceClientHost.AppId, call.Header("dapr-app-id"));
            Assert.Equal(ApiToken, call.Header("dapr-api-token"));
        });
    }

    [Fact]
    public async Task Without_Dapr_calls_go_straight_to_the_configured_url_with_no_dapr_headers()
    {
        var key = Guid.NewGuid().ToString();
        using var clients = new ServiceClientHost(new Dictionary<string, string?>
        {
            [$"Services:{ServiceClientHost.AppId}:GrpcUrl"] = sidecar.Server.Address,
        });

        var reply = await clients.Client.EchoAsync(new EchoRequest { Text = "direct" }, new Metadata { { "x-call-key", key } });

        Assert.Equal("direct", reply.Text);
        var call = Assert.Single(sidecar.Server.Probe.CallsWith("x-call-key", key));
        Assert.Null(call.Header("dapr-app-id"));
        Assert.Null(call.Header("dapr-api-token"));
    }

    [Fact]
    public void A_target_with_no_address_is_a_clear_configuration_error()
    {
        using var clients = new ServiceClientHost(new Dictionary<string, string?>());
        var e = Assert.Throws<InvalidOperationException>(() => clients.Client);
        Assert.Contains($"Services:{ServiceClientHost.AppId}:GrpcUrl", e.Message);
    }

    [Fact]
    public async Task Every_call_carries_the_apps_own_credential()
    {
        var key = Guid.NewGuid().ToString();
        using var clients = new ServiceClientHost(new Dictionary<string, string?>
        {
            ["DAPR_GRPC_PORT"] = sidecar.Server.Port.ToString(),
        }, new FixedCredentials("Bearer service-token-" + key));
        await clients.Client.EchoAsync(new EchoRequest(), new Metadata { { "x-call-key", key } });
        await clients.Client.AppendAsync(new EchoRequest(), new Metadata { { "x-call-key", key } });

        var calls = sidecar.Server.Probe.CallsWith("x-call-key", key);
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.Equal("Bearer service-token-" + key, c.Header("authorization")));
    }

    private sealed class FixedCredentials(string header) : IOutgoingCredentials
    {
        public string? AuthorizationHeader() => header;
    }
}
