using System.Collections.Concurrent;
using System.Net.Sockets;
using Dapper;
using Inspection.Testing;
using Npgsql;

namespace Inspection.Data.Tests;

public sealed class DatabaseReadinessTests(PrivateServerFixture fixture) : IClassFixture<PrivateServerFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private PostgresServer Server => fixture.Server;

    private static DatabaseReadiness Readiness(NpgsqlDataSource ds) =>
        new(ds, typeof(DatabaseReadinessTests).Assembly)
        {
            ProbeInterval = TimeSpan.FromMilliseconds(100),
            InitialRetryDelay = TimeSpan.FromMilliseconds(50),
            MaxRetryDelay = TimeSpan.FromMilliseconds(200),
        };

    [Fact]
    public async Task Started_before_PostgreSQL_it_waits_not_ready_then_migrates_and_becomes_ready()
    {
        var connectionString = await Server.CreateDatabaseAsync("readiness_late");
        await Server.StopAsync();
        await using var ds = NpgsqlDataSource.Create(connectionString);
        var readiness = Readiness(ds);
        var changes = new ConcurrentQueue<bool>();
        readiness.ReadinessChanged += changes.Enqueue;
        using var stop = new CancellationTokenSource();
        var run = readiness.RunAsync(stop.Token);

        var ready = readiness.WaitUntilReadyAsync(stop.Token);
        // its first attempt has failed (however long the machine takes to say so), and it is still not ready
        for (var until = DateTime.UtcNow + Patience; readiness.LastFailure is null && DateTime.UtcNow < until;) await Task.Delay(50);
        Assert.False(readiness.IsReady);
        Assert.False(ready.IsCompleted);
        Assert.NotNull(readiness.LastFailure);

        await Server.StartAsync();
        await ready.WaitAsync(Patience);

        Assert.True(readiness.IsReady);
        Assert.Null(readiness.LastFailure);
        Assert.Equal([true], changes);
        await using (var c = await ds.OpenConnectionAsync())
            Assert.Equal(3, await c.ExecuteScalarAsync<int>("select count(*) from schema_migrations"));
        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task It_reports_not_ready_while_PostgreSQL_is_stopped_and_ready_again_after_restart()
    {
        await using var ds = NpgsqlDataSource.Create(await Server.CreateDatabaseAsync("readiness_restart"));
        var readiness = Readiness(ds);
        var changes = new ConcurrentQueue<bool>();
        var wentAway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        readiness.ReadinessChanged += ready =>
        {
            changes.Enqueue(ready);
            if (!ready) wentAway.TrySetResult();
        };
        using var stop = new CancellationTokenSource();
        var run = readiness.RunAsync(stop.Token);
        await readiness.WaitUntilReadyAsync(stop.Token).WaitAsync(Patience);

        await Server.StopAsync();
        await wentAway.Task.WaitAsync(Patience);
        Assert.False(readiness.IsReady);
        var readyAgain = readiness.WaitUntilReadyAsync(stop.Token);
        Assert.False(readyAgain.IsCompleted);

        await Server.StartAsync();
        await readyAgain.WaitAsync(Patience);

        Assert.True(readiness.IsReady);
        Assert.Equal([true, false, true], changes);
        // The dead pooled connections were dropped: the service's next query just works.
        await using (var c = await ds.OpenConnectionAsync())
            Assert.Equal(1, await c.ExecuteScalarAsync<int>("select 1"));
        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task A_probe_that_only_runs_out_of_time_reports_not_ready_but_keeps_the_pooled_connections()
    {
        // a pool of one, which the test holds: the probe waits for it and runs out of time, as a probe queued behind
        // busy calls did before it had a pool of its own
        var builder = new NpgsqlConnectionStringBuilder(await Server.CreateDatabaseAsync("readiness_slow")) { MaxPoolSize = 1 };
        await using var ds = NpgsqlDataSource.Create(builder.ConnectionString);
        var readiness = new DatabaseReadiness(ds, typeof(DatabaseReadinessTests).Assembly)
        {
            ProbeTimeout = TimeSpan.FromSeconds(2),
            ProbeInterval = TimeSpan.FromMilliseconds(100),
            InitialRetryDelay = TimeSpan.FromMilliseconds(50),
            MaxRetryDelay = TimeSpan.FromMilliseconds(200),
        };
        var slow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        readiness.ReadinessChanged += ready => { if (!ready) slow.TrySetResult(); };
        using var stop = new CancellationTokenSource();
        var run = readiness.RunAsync(stop.Token);
        await readiness.WaitUntilReadyAsync(stop.Token).WaitAsync(Patience);

        int backend;
        await using (var held = await ds.OpenConnectionAsync())
        {
            backend = held.ProcessID;
            await slow.Task.WaitAsync(Patience);
            Assert.False(readiness.IsReady);
            Assert.IsAssignableFrom<OperationCanceledException>(readiness.LastFailure);
            await stop.CancelAsync();
            await run;
        }

        // the pool was not cleared: the connection the test held went back to it and serves the next query
        await using var again = await ds.OpenConnectionAsync();
        Assert.Equal(backend, again.ProcessID);
    }

    [Fact]
    public void Only_a_probe_s_own_cancellation_is_a_timeout_a_connection_error_is_not()
    {
        Assert.True(DatabaseReadiness.IsProbeTimeout(new OperationCanceledException(), timeoutStarted: true));
        Assert.False(DatabaseReadiness.IsProbeTimeout(new OperationCanceledException(), timeoutStarted: false));
        Assert.False(DatabaseReadiness.IsProbeTimeout(new NpgsqlException("Failed to connect", new SocketException(111)), timeoutStarted: true));
        Assert.False(DatabaseReadiness.IsProbeTimeout(new PostgresException("shutting down", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown), timeoutStarted: true));
    }

    [Fact]
    public async Task An_edited_applied_migration_stops_it_loudly_instead_of_retrying()
    {
        await using var ds = NpgsqlDataSource.Create(await Server.CreateDatabaseAsync("readiness_edited"));
        await using (var c = await ds.OpenConnectionAsync())
        {
            await c.ExecuteAsync("""
                create table schema_migrations (version text primary key, applied_at timestamptz not null, checksum text not null);
                insert into schema_migrations values ('0001_create_provider', now(), 'checksum-of-an-older-edit');
                """);
        }
        var readiness = Readiness(ds);
        var ready = readiness.WaitUntilReadyAsync(CancellationToken.None);

        await Assert.ThrowsAsync<MigrationChecksumMismatchException>(() => readiness.RunAsync(CancellationToken.None).WaitAsync(Patience));

        Assert.False(readiness.IsReady);
        await Assert.ThrowsAsync<MigrationChecksumMismatchException>(() => ready);
    }

    [Fact]
    public void Only_failures_a_later_attempt_can_get_past_are_retried()
    {
        Assert.True(DatabaseReadiness.IsTransient(new NpgsqlException("Failed to connect", new SocketException(111))));
        Assert.True(DatabaseReadiness.IsTransient(new PostgresException("starting up", "FATAL", "FATAL", PostgresErrorCodes.CannotConnectNow)));
        Assert.True(DatabaseReadiness.IsTransient(new PostgresException("shutting down", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown)));
        Assert.False(DatabaseReadiness.IsTransient(new PostgresException("syntax", "ERROR", "ERROR", PostgresErrorCodes.SyntaxError)));
        Assert.False(DatabaseReadiness.IsTransient(new MigrationFailedException(
            "0001", new PostgresException("syntax", "ERROR", "ERROR", PostgresErrorCodes.SyntaxError))));
        Assert.False(DatabaseReadiness.IsTransient(new MigrationChecksumMismatchException("0001", "a", "b")));
    }
}
