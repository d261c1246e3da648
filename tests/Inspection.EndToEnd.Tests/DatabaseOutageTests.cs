using Grpc.Health.V1;
using Grpc.Core;
using Inspection.Recommendations.V1;
using Inspection.Testing;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Inspection.EndToEnd.Tests;

/// <summary>
/// A service started before PostgreSQL, and one whose PostgreSQL goes away: it stays up, says NOT_SERVING (gRPC health
/// and /health/ready), answers data calls with a retryable UNAVAILABLE rather than INTERNAL, and serves again when
/// PostgreSQL is back. Runs the real service process against a private cluster that the test stops and starts.
/// </summary>
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task The_service_reports_not_serving_while_postgres_is_away_and_recovers()
    {
        await using var postgres = new PostgresServer();
        await postgres.StartAsync();
        var connectionString = await postgres.CreateDatabaseAsync("outage");
        await postgres.StopAsync();

        await using var service = Apps.StartRecommendationTracking(connectionString);
        using var http = new HttpClient { BaseAddress = new Uri(service.HttpAddress) };
        var client = new RecommendationTracking.RecommendationTrackingClient(service.Channel);

        // started before PostgreSQL: up, but not serving
        await service.WaitForAsync(ServingStatus.NotServing, TimeSpan.FromSeconds(30));
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/health/ready")).StatusCode);

        await postgres.StartAsync();
        await service.WaitForAsync(ServingStatus.Serving, TimeSpan.FromSeconds(30));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
        var created = await client.CreateProviderAsync(new CreateProviderRequest
        {
            RequestId = "outage-1", Name = "Outage PDU", Type = "pdu", Region = "South West", ActiveFrom = "2021-06-26", CreatedBy = "outage-test",
        });

        // PostgreSQL goes away under the running service (a fast shutdown: it cuts every connection; an immediate one
        // could lose the last commit, because the test clusters run with synchronous_commit=off for speed)
        await postgres.StopAsync();
        await service.WaitForAsync(ServingStatus.NotServing, TimeSpan.FromSeconds(30));
        var failure = await Assert.ThrowsAsync<RpcException>(() =>
            client.GetProviderAsync(new GetProviderRequest { ProviderId = created.ProviderId }, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(10))).ResponseAsync);
        Assert.Equal(StatusCode.Unavailable, failure.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);

        await postgres.StartAsync();
        await service.WaitForAsync(ServingStatus.Serving, TimeSpan.FromSeconds(30));
        var again = await client.GetProviderAsync(new GetProviderRequest { ProviderId = created.ProviderId });
        Assert.Equal("Outage PDU", again.Name);
        Assert.False(service.HasExited);

        // The log says each change at most once (two outages), not an error every second of them. The publisher runs
        // once a second, so it may miss a change shorter than that on a loaded machine: at most one line per outage,
        // and the first outage (several seconds, from start-up until PostgreSQL starts) is always seen.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Occurrences(service.Output, "Health check database is Healthy again") < 1 && DateTime.UtcNow < deadline) await Task.Delay(200);
        var log = service.Output;
        Assert.InRange(Occurrences(log, "Health check database is Unhealthy"), 1, 2);
        Assert.InRange(Occurrences(log, "Health check database is Healthy again"), 1, 2);
        Assert.DoesNotContain("DefaultHealthCheckService", log);
    }

    [Fact]
    public async Task Health_watch_streams_the_change_to_not_serving()
    {
        await using var postgres = new PostgresServer();
        await postgres.StartAsync();
        await using var service = Apps.StartRecommendationTracking(await postgres.CreateDatabaseAsync("watch"));
        await service.WaitForAsync(ServingStatus.Serving, TimeSpan.FromSeconds(30));

        var health = new Health.HealthClient(service.Channel);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        var seen = new List<ServingStatus>();
        var firstAnswer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var watching = Task.Run(async () =>
        {
            await foreach (var reply in health.Watch(new HealthCheckRequest(), new CallOptions(cancellationToken: cancel.Token)).ResponseStream.ReadAllAsync())
            {
                // grpc-dotnet's Watch may repeat an unchanged status (its first answer, then the publisher's): count changes
                if (seen.Count == 0 || seen[^1] != reply.Status) seen.Add(reply.Status);
                firstAnswer.TrySetResult();
                if (reply.Status == ServingStatus.NotServing) return;
            }
        });
        await firstAnswer.Task.WaitAsync(TimeSpan.FromSeconds(30));   // the watch is open and has said SERVING
        await postgres.StopAsync(immediate: true);
        await watching.WaitAsync(TimeSpan.FromSeconds(40));
        Assert.Equal([ServingStatus.Serving, ServingStatus.NotServing], seen);
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
