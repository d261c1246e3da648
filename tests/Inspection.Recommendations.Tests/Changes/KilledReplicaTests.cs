using Grpc.Core;
using Inspection.Recommendations.V1;
using Inspection.Security;
using Inspection.ServiceDefaults;
using Inspection.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Inspection.Recommendations.Tests.Changes;

/// <summary>
/// Two replicas of recommendation tracking as OS processes on one database, called the one client way
/// (AddServiceClient) through a <c>static:///</c> address: one is killed with SIGKILL, and reads and writes with a
/// request id go on succeeding on the other, each write stored once.
/// </summary>
public sealed class KilledReplicaTests
{
    private const string AppId = "recommendation-tracking";
    private const string Project = "services/Recommendations/Inspection.Recommendations";

    [Fact]
    public async Task Reads_and_writes_with_a_request_id_succeed_after_one_replica_is_killed_and_each_write_is_stored_once()
    {
        var database = await PostgresServer.Shared.CreateDatabaseAsync("reco_killed");
        var environment = new Dictionary<string, string?> { ["ConnectionStrings__Default"] = database };
        await using var first = ServiceProcess.Start(AppId, Project, environment);
        await first.WaitForAsync(ServingStatus.Serving, TimeSpan.FromSeconds(90));
        await using var second = ServiceProcess.Start(AppId, Project, environment);
        await second.WaitForAsync(ServingStatus.Serving, TimeSpan.FromSeconds(90));

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"Services:{AppId}:GrpcUrl"] = $"static:///{AppId}",
            [$"Services:{AppId}:Replicas"] = $"127.0.0.1:{first.GrpcPort},127.0.0.1:{second.GrpcPort}",
        });
        builder.Services.AddSingleton<IOutgoingCredentials>(new Bearer(TestKeys.BearerFor()));
        builder.AddServiceClient<RecommendationTracking.RecommendationTrackingClient>(AppId);
        using var host = builder.Build();
        var client = host.Services.GetRequiredService<RecommendationTracking.RecommendationTrackingClient>();
        var tag = Guid.NewGuid().ToString("N")[..8];

        var made = new List<string>();
        for (var i = 0; i < 10; i++) made.Add(await CreateAsync(client, $"{tag}-before-{i}"));
        first.Kill();
        var failures = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            try
            {
                made.Add(await CreateAsync(client, $"{tag}-after-{i}"));
                await client.GetProviderAsync(new GetProviderRequest { ProviderId = made[^1] });
            }
            catch (RpcException e)
            {
                failures.Add($"{i}: {e.Status}");
            }
        }

        var listed = await client.ListProvidersAsync(new ListProvidersRequest { NameContains = $"Killed {tag}-", PageSize = 100 });
        var ours = listed.Providers.Where(p => p.Name.StartsWith($"Killed {tag}-", StringComparison.Ordinal)).ToList();
        Assert.Empty(failures);
        Assert.Equal(30, made.Distinct().Count());
        Assert.Equal(made.Order(), ours.Select(p => p.ProviderId).Order());
        Assert.False(await second.HealthAsync() is null);
    }

    private static async Task<string> CreateAsync(RecommendationTracking.RecommendationTrackingClient client, string name) =>
        (await client.CreateProviderAsync(new CreateProviderRequest
        {
            RequestId = $"killed-{name}", Name = $"Killed {name}", Type = "pdu", Region = "Wales", CreatedBy = "killed-replica-test",
        })).ProviderId;

    private sealed class Bearer(string header) : IOutgoingCredentials
    {
        public string? AuthorizationHeader() => header;
    }
}
