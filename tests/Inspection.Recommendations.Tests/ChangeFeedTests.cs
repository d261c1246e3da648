using Inspection.Recommendations.Application.Changes;
using Xunit;

namespace Inspection.Recommendations.Tests;

public sealed class ChangeFeedTests
{
    private static RecommendationChange Change(long sequence, DateTimeOffset at) =>
        new(sequence, ChangeType.InspectionPublished, at, Guid.NewGuid(), Guid.NewGuid(), null, null, "", null, null, "t");

    [Fact]
    public async Task Every_watcher_sees_every_change_after_it_subscribed_in_sequence_order()
    {
        var feed = new ChangeFeed(TimeProvider.System);
        feed.Publish(Change);
        using var first = feed.Subscribe();
        feed.Publish(Change);
        using var second = feed.Subscribe();
        feed.Publish(Change);

        Assert.Equal(1, first.StartSequence);
        var seenByFirst = await Drain(first, 2);
        var seenBySecond = await Drain(second, 1);
        Assert.Equal(new long[] { 2, 3 }, seenByFirst);
        Assert.Equal(2, second.StartSequence);
        Assert.Equal(new long[] { 3 }, seenBySecond);
    }

    [Fact]
    public async Task A_watcher_that_falls_behind_is_ended_instead_of_skipping_changes_or_blocking_the_writer()
    {
        var feed = new ChangeFeed(TimeProvider.System);
        using var slow = feed.Subscribe();

        for (var i = 0; i <= ChangeFeed.WatcherBacklog; i++) feed.Publish(Change);

        Assert.Equal(0, feed.WatcherCount);
        var read = 0;
        await Assert.ThrowsAsync<WatcherFellBehindException>(async () =>
        {
            await foreach (var _ in slow.Changes.ReadAllAsync()) read++;
        });
        Assert.Equal(ChangeFeed.WatcherBacklog, read);
    }

    [Fact]
    public void A_disposed_subscription_is_no_longer_written_to()
    {
        var feed = new ChangeFeed(TimeProvider.System);
        var subscription = feed.Subscribe();

        subscription.Dispose();
        feed.Publish(Change);

        Assert.Equal(0, feed.WatcherCount);
        Assert.True(subscription.Changes.Completion.IsCompleted);
    }

    private static async Task<long[]> Drain(ChangeSubscription subscription, int count)
    {
        var sequences = new List<long>();
        while (sequences.Count < count) sequences.Add((await subscription.Changes.ReadAsync()).Sequence);
        return [.. sequences];
    }
}
