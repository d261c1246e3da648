using System.Threading.Channels;

namespace Inspection.Recommendations.Application.Changes;

/// <summary>
/// The in-process broadcaster behind WatchChanges (no broker): every watcher gets every change, in sequence order.
/// Changes live only while the process runs; a watcher that reconnects re-reads state over the unary RPCs.
/// </summary>
public sealed class ChangeFeed(TimeProvider time)
{
    public const int WatcherBacklog = 1000;

    private readonly Lock _gate = new();
    private readonly List<ChangeSubscription> _watchers = [];
    private long _sequence;

    public int WatcherCount
    {
        get { lock (_gate) return _watchers.Count; }
    }

    public ChangeSubscription Subscribe()
    {
        var channel = Channel.CreateBounded<RecommendationChange>(new BoundedChannelOptions(WatcherBacklog)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        lock (_gate)
        {
            var subscription = new ChangeSubscription(this, channel, _sequence);
            _watchers.Add(subscription);
            return subscription;
        }
    }

    /// <summary>Numbers the change and hands it to every watcher; a watcher whose backlog is full is ended, never blocks the writer.</summary>
    public RecommendationChange Publish(Func<long, DateTimeOffset, RecommendationChange> change)
    {
        lock (_gate)
        {
            var numbered = change(++_sequence, time.GetUtcNow());
            foreach (var watcher in _watchers.ToList())
            {
                if (watcher.Writer.TryWrite(numbered)) continue;
                watcher.Writer.TryComplete(new WatcherFellBehindException(WatcherBacklog));
                _watchers.Remove(watcher);
            }
            return numbered;
        }
    }

    internal void Unsubscribe(ChangeSubscription subscription)
    {
        lock (_gate) _watchers.Remove(subscription);
        subscription.Writer.TryComplete();
    }
}
