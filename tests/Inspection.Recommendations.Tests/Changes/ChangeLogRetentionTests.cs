using Inspection.Domain;
using Inspection.Testing;
using Xunit;
using static Inspection.Recommendations.Tests.Changes.ChangeLogTests;

namespace Inspection.Recommendations.Tests.Changes;

/// <summary>Changes kept a number of days: pruning keeps the numbering going, and a cursor older than what is kept is told so.</summary>
public sealed class ChangeLogRetentionTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private UseCases _uses = null!;

    public async Task InitializeAsync() => _uses = await UseCases.OverAsync(database.DataSource);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Pruned_changes_end_a_resumed_watch_with_failed_precondition_and_numbering_goes_on_after_them()
    {
        var now = DateTimeOffset.UtcNow;
        await AppendAsync(now.AddDays(-40));
        await AppendAsync(now.AddDays(-35));
        await AppendAsync(now.AddDays(-1));

        var pruned = await _uses.ChangeLog.PruneAsync(now.AddDays(-30), default);
        var next = await AppendAsync(now);

        Assert.Equal(2, pruned);
        Assert.Equal(4, next);
        Assert.Contains("no longer kept", (await Assert.ThrowsAsync<PreconditionFailedException>(() => _uses.Changes.StartAsync(0, default))).Message);
        Assert.Equal(2, await _uses.Changes.StartAsync(2, default));
        await using var followed = _uses.Changes.FollowAsync(2, default).GetAsyncEnumerator();
        Assert.True(await followed.MoveNextAsync());
        Assert.Equal(3, followed.Current.Sequence);
        Assert.Equal("after_sequence", Assert.Single((await Assert.ThrowsAsync<ValidationException>(() => _uses.Changes.StartAsync(5, default))).Violations).Field);
    }

    private async Task<long> AppendAsync(DateTimeOffset at)
    {
        await using var c = await database.DataSource.OpenConnectionAsync();
        await using var tx = await c.BeginTransactionAsync();
        var sequence = await _uses.ChangeLog.AppendAsync(c, tx, Change(at), default);
        await tx.CommitAsync();
        return sequence;
    }
}
