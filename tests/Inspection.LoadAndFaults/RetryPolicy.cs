namespace Inspection.LoadAndFaults;

/// <summary>
/// How a careful client retries: each attempt has its own deadline; after a failure that leaves the outcome unknown it
/// waits (exponential backoff with jitter) and sends the same request again, for at most <see cref="Budget"/>.
/// </summary>
public sealed record RetryPolicy(TimeSpan AttemptDeadline, TimeSpan Budget, TimeSpan InitialBackoff, TimeSpan MaxBackoff)
{
    public static RetryPolicy Default { get; } = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(90), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2));

    public TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(MaxBackoff.TotalMilliseconds, InitialBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }
}
