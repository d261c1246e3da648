using System.Runtime.CompilerServices;

namespace Inspection.Recommendations.Application.Changes;

/// <summary>
/// What WatchChanges follows: the change log in PostgreSQL, which every replica appends to in the transaction of the
/// change itself. A watcher reads the log after its cursor, in sequence order, and waits for the next wake (a NOTIFY
/// that any replica's commit sends, passed on by <see cref="ChangeLogListener"/>) or for the poll interval, whichever
/// comes first, so a lost notification delays a change by seconds but never loses it. A slow watcher only reads the
/// log later: nothing is held for it in memory.
/// </summary>
public sealed class ChangeFeed(ChangeLogStore log, ChangeRetention retention)
{
    public const int ReadBatch = 500;

    /// <summary>How long a watcher waits without a notification before reading the log anyway.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Something was committed to the log (or the listener reconnected and may have missed a notification).</summary>
    public void Wake() => Interlocked.Exchange(ref _wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>
    /// The cursor a watch starts from: the newest change now (a new watcher sees every later one), or
    /// <paramref name="after"/> for a watcher resuming, provided the log still holds every change after it.
    /// </summary>
    public async Task<long> StartAsync(long? after, CancellationToken ct)
    {
        var head = await log.HeadAsync(ct);
        if (after is not { } cursor) return head;
        if (cursor < 0) throw new ValidationException("after_sequence", $"is {cursor}; a sequence is 0 or more");
        if (cursor > head)
            throw new ValidationException("after_sequence", $"is {cursor}, past the newest change ({head}); resume after a sequence this service gave");
        if (cursor < head && (await log.OldestAsync(ct) is not { } oldest || oldest > cursor + 1)) throw NoLongerKept(cursor);
        return cursor;
    }

    /// <summary>Every change committed after <paramref name="cursor"/>, in sequence order, until cancelled.</summary>
    public async IAsyncEnumerable<RecommendationChange> FollowAsync(long cursor, [EnumeratorCancellation] CancellationToken ct)
    {
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            // Taken before reading, so a change committed between the read and the wait still wakes this watcher.
            var woken = Volatile.Read(ref _wake).Task;
            var batch = await log.ReadAfterAsync(cursor, ReadBatch, ct);
            // Sequences have no gaps, so one missing here was pruned while this watcher lagged: say so, never skip it.
            if (batch.Count > 0 && batch[0].Sequence != cursor + 1) throw NoLongerKept(cursor);
            foreach (var change in batch)
            {
                yield return change;
                cursor = change.Sequence;
            }
            if (batch.Count == ReadBatch) continue;
            try
            {
                await woken.WaitAsync(PollInterval, ct);
            }
            catch (TimeoutException)
            {
            }
        }
    }

    private PreconditionFailedException NoLongerKept(long cursor) => new(
        $"The changes after sequence {cursor} are no longer kept (changes are kept {retention.Keep.TotalDays:0} days): " +
        "re-read what you need and watch again without after_sequence.");
}
