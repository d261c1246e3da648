using Grpc.Net.Client;
using Grpc.Health.V1;
using Grpc.Core;
using Inspection.Recommendations.V1;
using Inspection.Testing;

namespace Inspection.Security.Tests;

/// <summary>Under Dapr with APP_API_TOKEN, a host refuses calls that did not come through its sidecar.</summary>
public sealed class DaprAppTokenTests : IAsyncLifetime
{
    private const string AppToken = "sidecar-secret-0123456789abcdef";
    private ServiceTestHost<Program>? _host;
    private GrpcChannel? _bare;

    public async Task InitializeAsync()
    {
        _host = await ServiceTestHost<Program>.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = await PostgresServer.Shared.CreateDatabaseAsync("dapr_token"),
            ["APP_API_TOKEN"] = AppToken,
        });
        _bare = GrpcChannel.ForAddress(_host.GrpcAddress);
    }

    private static CallOptions With(string? daprToken)
    {
        var headers = new Metadata { { "authorization", TestKeys.BearerFor() } };
        if (daprToken is not null) headers.Add("dapr-api-token", daprToken);
        return new CallOptions(headers, DateTime.UtcNow.AddSeconds(30));
    }

    [Fact]
    public async Task A_call_that_bypassed_the_sidecar_is_unauthenticated_even_with_a_valid_token()
    {
        var client = new RecommendationTracking.RecommendationTrackingClient(_bare!);

        var missing = await Assert.ThrowsAsync<RpcException>(() => client.ListProvidersAsync(new ListProvidersRequest(), With(null)).ResponseAsync);
        var wrong = await Assert.ThrowsAsync<RpcException>(() => client.ListProvidersAsync(new ListProvidersRequest(), With(AppToken + "x")).ResponseAsync);
        var reply = await client.ListProvidersAsync(new ListProvidersRequest(), With(AppToken));

        Assert.Equal((StatusCode.Unauthenticated, StatusCode.Unauthenticated), (missing.StatusCode, wrong.StatusCode));
        Assert.Contains("Dapr sidecar", missing.Status.Detail);
        Assert.NotNull(reply);
        // Probes still see the health check.
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving,
            (await new Health.HealthClient(_bare!).CheckAsync(new HealthCheckRequest(), new CallOptions(deadline: DateTime.UtcNow.AddSeconds(10)))).Status);
    }

    public async Task DisposeAsync()
    {
        _bare?.Dispose();
        if (_host is not null) await _host.DisposeAsync();
    }
}
