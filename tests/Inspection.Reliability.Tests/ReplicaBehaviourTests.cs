using System.Diagnostics;
using Grpc.Core;
using Inspection.Recommendations.V1;
using Inspection.Testing;
using Npgsql;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Inspection.Reliability.Tests;

/// <summary>
/// What one copy of a service does when it is full and when it is told to stop (issue 24), with recommendation tracking
/// as a real process. The pool is made full by holding a lock its reads wait behind, so every pooled connection stays
/// busy while PostgreSQL itself answers.
/// </summary>
public sealed class ReplicaBehaviourTests
{
    private const string Project = "services/Recommendations/Inspection.Recommendations";

    [Fact]
    public async Task A_full_pool_makes_calls_wait_then_answer_unavailable_with_retry_info_and_readiness_stays_serving()
    {
        var database = await PostgresServer.Shared.CreateDatabaseAsync("pool_full");
        await using var service = ServiceProcess.Start("recommendation-tracking", Project, new Dictionary<string, string?>
        {
            ["ConnectionStrings__Default"] = database,
            ["Database__PoolSize"] = "2",
            ["Database__PoolWait"] = "00:00:01",
        });
        await service.WaitForAsync(ServingStatus.Serving, TimeSpan.FromSeconds(90));
        var client = new RecommendationTracking.RecommendationTrackingClient(service.Channel);
        await client.ListProvidersAsync(new ListProvidersRequest());   // warm: the sweep at start-up is done with its connection

        var logged = service.Output.Length;   // what start-up logged (NOT_SERVING until migrated) is not under test
        var results = new List<Task<StatusCode>>();
        await using (var blocker = await HoldProvidersAsync(database))
        {
            // six reads at once against a pool of two: two take the connections and wait behind the lock, the rest wait for
            // a connection for Database:PoolWait and are answered
            for (var i = 0; i < 6; i++) results.Add(StatusOfAsync(() => client.ListProvidersAsync(new ListProvidersRequest(), deadline: DateTime.UtcNow.AddSeconds(20)).ResponseAsync));
            var refused = await Task.WhenAny(results);
            var first = await refused;
            Assert.Equal(StatusCode.Unavailable, first);
            // full is not away: the service still says SERVING while its pool is full
            Assert.Equal(ServingStatus.Serving, await service.HealthAsync());
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Equal(ServingStatus.Serving, await service.HealthAsync());
        }
        var statuses = await Task.WhenAll(results);
        Assert.All(statuses, s => Assert.True(s is StatusCode.OK or StatusCode.Unavailable, $"answered {s}"));
        Assert.Contains(StatusCode.OK, statuses);          // the two holding connections finish once the lock goes
        Assert.Contains(StatusCode.Unavailable, statuses);

        // the refusal says when to retry, in the rich error model and in grpc-dotnet's pushback trailer
        var busy = await RefusalOfAsync(database, client);
        Assert.Equal(StatusCode.Unavailable, busy.StatusCode);
        Assert.NotNull(busy.RetryDelay);
        Assert.NotNull(busy.Trailers.GetValue("grpc-retry-pushback-ms"));
        var sinceSaturated = service.Output[logged..];
        Assert.DoesNotContain("Database became unreachable", sinceSaturated);
        Assert.DoesNotContain("Health check database is Unhealthy", sinceSaturated);
        Assert.Contains("every database connection stayed busy", sinceSaturated);
    }

    [Fact]
    public async Task Sigterm_reports_not_serving_finishes_calls_in_flight_and_ends_streams_with_a_status_to_resume_from()
    {
        var database = await PostgresServer.Shared.CreateDatabaseAsync("sigterm");
        await using var service = ServiceProcess.Start("recommendation-tracking", Project, new Dictionary<string, string?>
        {
            ["ConnectionStrings__Default"] = database,
            ["Shutdown__DrainDelay"] = "00:00:05",
            ["Shutdown__Timeout"] = "00:00:20",
        });
        await service.WaitForAsync(ServingStatus.Serving, TimeSpan.FromSeconds(90));
        var client = new RecommendationTracking.RecommendationTrackingClient(service.Channel);
        await client.ListProvidersAsync(new ListProvidersRequest());

        using var watch = client.WatchChanges(new WatchChangesRequest());
        var streamEnd = Task.Run(async () =>
        {
            try
            {
                while (await watch.ResponseStream.MoveNext(CancellationToken.None)) { }
                return null;
            }
            catch (RpcException e)
            {
                return e;
            }
        });

        Task<StatusCode> inFlight;
        Stopwatch clock;
        await using (var blocker = await HoldProvidersAsync(database))
        {
            inFlight = StatusOfAsync(() => client.ListProvidersAsync(new ListProvidersRequest(), deadline: DateTime.UtcNow.AddSeconds(30)).ResponseAsync);
            await blocker.WaitForWaitersAsync(1);   // the call is in the service, waiting behind the lock
            using (var term = Process.Start("kill", ["-TERM", service.ProcessId.ToString()])) await term!.WaitForExitAsync();
            clock = Stopwatch.StartNew();

            // NOT_SERVING first, while the copy still answers and before the drain ends the stream (however slowly a
            // loaded machine delivers the signal)
            var until = DateTime.UtcNow.AddSeconds(30);
            ServingStatus? status = null;
            while (DateTime.UtcNow < until && (status = await service.HealthAsync()) != ServingStatus.NotServing) await Task.Delay(50);
            Assert.Equal(ServingStatus.NotServing, status);
            Assert.False(streamEnd.IsCompleted, "the stream ended before the copy said NOT_SERVING");

            // after the drain, the stream ends with UNAVAILABLE and a RetryInfo: the client calls again elsewhere
            var ended = await streamEnd.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.NotNull(ended);
            Assert.Equal(StatusCode.Unavailable, ended.StatusCode);
            Assert.NotNull(ended.RetryDelay);
            Assert.False(inFlight.IsCompleted);
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        // the call in flight finishes once its database work can, inside the shutdown timeout
        Assert.Equal(StatusCode.OK, await inFlight.WaitAsync(TimeSpan.FromSeconds(15)));
        var exited = DateTime.UtcNow.AddSeconds(20);
        while (!service.HasExited && DateTime.UtcNow < exited) await Task.Delay(100);
        Assert.True(service.HasExited, "the process did not exit within its shutdown timeout:\n" + service.Output);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"shutdown took {clock.Elapsed}");
        Assert.Contains("Stopping: NOT_SERVING now", service.Output);
        Assert.DoesNotContain("Unhandled", service.Output);
    }

    /// <summary>A transaction holding an exclusive lock on providers: reads of the register wait behind it, holding their connection.</summary>
    private static async Task<Blocker> HoldProvidersAsync(string database)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand("lock table providers in access exclusive mode", connection, transaction)) await command.ExecuteNonQueryAsync();
        return new Blocker(connection, transaction);
    }

    private sealed class Blocker(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        /// <summary>Returns once <paramref name="count"/> sessions wait for the lock (PostgreSQL's own view), not after a guessed delay.</summary>
        public async Task WaitForWaitersAsync(int count)
        {
            var until = DateTime.UtcNow.AddSeconds(30);
            await using var waiting = new NpgsqlCommand(
                "select count(*) from pg_locks l join pg_class c on c.oid = l.relation where c.relname = 'providers' and not l.granted" +
                " and l.database = (select oid from pg_database where datname = current_database())",
                connection, transaction);
            while ((long)(await waiting.ExecuteScalarAsync())! < count)
            {
                Assert.True(DateTime.UtcNow < until, $"fewer than {count} calls reached the lock within 30 s");
                await Task.Delay(50);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await connection.DisposeAsync();
        }
    }

    private static async Task<RpcException> RefusalOfAsync(string database, RecommendationTracking.RecommendationTrackingClient client)
    {
        await using var blocker = await HoldProvidersAsync(database);
        var calls = Enumerable.Range(0, 4).Select(_ => client.ListProvidersAsync(new ListProvidersRequest(), deadline: DateTime.UtcNow.AddSeconds(20)).ResponseAsync).ToList();
        while (true)
        {
            var done = await Task.WhenAny(calls);
            if (done.Exception?.InnerException is RpcException refusal) return refusal;
            calls.Remove(done);
            Assert.NotEmpty(calls);
        }
    }

    private static async Task<StatusCode> StatusOfAsync(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }
}
