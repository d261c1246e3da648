using System.Threading.Channels;

namespace Inspection.Recommendations.Application.Changes;

/// <summary>One watcher's queue of changes; disposing it stops the feed writing to it.</summary>
public sealed class ChangeSubscription : IDisposable
{
    private readonly ChangeFeed _feed;
    private readonly Channel<RecommendationChange> _channel;

    internal ChangeSubscription(ChangeFeed feed, Channel<RecommendationChange> channel, long startSequence)
    {
        _feed = feed;
        _channel = channel;
        StartSequence = startSequence;
    }

    /// <summary>The sequence of the last change before this subscription: it sees every later one.</summary>
    public long StartSequence { get; }

    public ChannelReader<RecommendationChange> Changes => _channel.Reader;

    internal ChannelWriter<RecommendationChange> Writer => _channel.Writer;

    public void Dispose() => _feed.Unsubscribe(this);
}
