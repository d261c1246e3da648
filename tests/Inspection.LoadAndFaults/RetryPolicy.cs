namespace Inspection.LoadAndFaults;

/// <summary>
/// How a careful client retries: each attempt has its own deadline; after a failure that leaves the outcome unknown it
/// waits (exponential backoff with jitter) and sends the same request again, for at most <see cref="Budget"/>. The
/// defaults (10 s per attempt, backoff 0.2 s doubling to 5 s, 60 s in all) keep a slow, busy server from being
/// buried under retries of calls it is still working on.
/// </summary>
public sealed record RetryPolicy(TimeSpan AttemptDeadline, TimeSpan Budget, TimeSpan InitialBackoff, TimeSpan MaxBackoff)
{
    public static RetryPolicy Default { get; } = new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));

    public TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(MaxBackoff.TotalMilliseconds, InitialBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }
}
