using Dapper;
using Inspection.Recommendations.Application.Changes;
using Inspection.Testing;
using Npgsql;
using Xunit;

namespace Inspection.Recommendations.Tests.Changes;

/// <summary>
/// The change log's order against a real PostgreSQL: transactions that take their numbers in one order and commit in
/// another, and many writers at once, while a watcher follows the log with a cursor.
/// </summary>
public sealed class ChangeLogTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private UseCases _uses = null!;

    public async Task InitializeAsync() => _uses = await UseCases.OverAsync(database.DataSource);

    public Task DisposeAsync() => Task.CompletedTask;

    internal static RecommendationChange Change(DateTimeOffset? at = null) => new(
        0, ChangeType.ProgressJudgementRecorded, at ?? DateTimeOffset.UtcNow, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(),
        "sufficient", null, null, "change-log-test");

    [Fact]
    public async Task A_change_numbered_first_and_committed_late_is_neither_skipped_nor_overtaken()
    {
        var cursor = await _uses.ChangeLog.HeadAsync(default);
        await using var early = await database.DataSource.OpenConnectionAsync();
        await using var earlyTx = await early.BeginTransactionAsync();
        var earlyChange = Change();
        var earlyNumber = await _uses.ChangeLog.AppendAsync(early, earlyTx, earlyChange, default);

        // A second transaction writes its change and tries to commit while the first is still open.
        var lateChange = Change();
        var late = Task.Run(() => AppendAndCommitAsync(lateChange));
        await WaitUntilSomeoneWaitsForALockAsync();

        Assert.False(late.IsCompleted);
        Assert.Empty(await _uses.ChangeLog.ReadAfterAsync(cursor, 10, default));
        await earlyTx.CommitAsync();
        var lateNumber = await late;

        var read = await _uses.ChangeLog.ReadAfterAsync(cursor, 10, default);
        Assert.Equal([(cursor + 1, earlyChange.JudgementId), (cursor + 2, lateChange.JudgementId)],
            read.Select(c => (c.Sequence, c.JudgementId)).ToArray());
        Assert.Equal((cursor + 1, cursor + 2), (earlyNumber, lateNumber));
    }

    [Fact]
    public async Task A_rolled_back_change_gives_its_number_back_so_sequences_stay_without_gaps()
    {
        var cursor = await _uses.ChangeLog.HeadAsync(default);
        await using (var rolledBack = await database.DataSource.OpenConnectionAsync())
        await using (var tx = await rolledBack.BeginTransactionAsync())
        {
            Assert.Equal(cursor + 1, await _uses.ChangeLog.AppendAsync(rolledBack, tx, Change(), default));
            var waiting = Task.Run(() => AppendAndCommitAsync(Change()));
            await WaitUntilSomeoneWaitsForALockAsync();
            await tx.RollbackAsync();
            Assert.Equal(cursor + 1, await waiting);
        }

        Assert.Equal([cursor + 1], (await _uses.ChangeLog.ReadAfterAsync(cursor, 10, default)).Select(c => c.Sequence).ToArray());
    }

    [Fact]
    public async Task A_watcher_following_many_concurrent_writers_gets_every_committed_change_once_in_sequence_order()
    {
        const int writers = 40;
        var cursor = await _uses.ChangeLog.HeadAsync(default);
        using var stop = new CancellationTokenSource();
        var seen = new List<RecommendationChange>();
        var watcher = Task.Run(async () =>
        {
            try
            {
                await foreach (var change in _uses.Changes.FollowAsync(cursor, stop.Token)) lock (seen) seen.Add(change);
            }
            catch (OperationCanceledException)
            {
            }
        });

        // Every fifth writer rolls back; the others hold their transaction open a varying while after numbering, so
        // commits land in every interleaving the counter allows.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, writers).Select(i => Task.Run(async () =>
        {
            var change = Change();
            await using var c = await database.DataSource.OpenConnectionAsync();
            await using var tx = await c.BeginTransactionAsync();
            await c.ExecuteAsync("select pg_sleep(@s)", new { s = (i * 7 % 5) / 100.0 }, tx);
            await _uses.ChangeLog.AppendAsync(c, tx, change, default);
            await c.ExecuteAsync("select pg_sleep(@s)", new { s = (i * 3 % 4) / 100.0 }, tx);
            if (i % 5 == 4) { await tx.RollbackAsync(); return (Guid?)null; }
            await tx.CommitAsync();
            return change.JudgementId;
        })));
        var committed = outcomes.OfType<Guid>().ToHashSet();
        // No LISTEN here: the watcher finds the changes by its poll (a lost notification delays, never loses).
        for (var waited = 0; Count(seen) < committed.Count && waited < 600; waited++) await Task.Delay(50);
        await stop.CancelAsync();
        await watcher;

        Assert.Equal(Enumerable.Range(1, committed.Count).Select(n => cursor + n), seen.Select(c => c.Sequence));
        Assert.True(committed.SetEquals(seen.Select(c => c.JudgementId!.Value)));
        Assert.Equal(committed.Count, seen.Select(c => c.JudgementId).Distinct().Count());
    }

    private static int Count(List<RecommendationChange> seen)
    {
        lock (seen) return seen.Count;
    }

    private async Task<long> AppendAndCommitAsync(RecommendationChange change)
    {
        await using var c = await database.DataSource.OpenConnectionAsync();
        await using var tx = await c.BeginTransactionAsync();
        var number = await _uses.ChangeLog.AppendAsync(c, tx, change, default);
        await tx.CommitAsync();
        return number;
    }

    /// <summary>Until a session of this database waits for a lock (the change log's counter row), as PostgreSQL reports it.</summary>
    private async Task WaitUntilSomeoneWaitsForALockAsync()
    {
        await using var c = await database.DataSource.OpenConnectionAsync();
        for (var i = 0; i < 600; i++)
        {
            if (await c.ExecuteScalarAsync<long>(
                    "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'") > 0) return;
            await Task.Delay(50);
        }
        throw new TimeoutException("no transaction waited for the change log's counter");
    }
}
