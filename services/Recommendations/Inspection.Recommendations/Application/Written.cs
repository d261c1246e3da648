namespace Inspection.Recommendations.Application;

/// <summary>What a write returned, and whether it was a replay of an earlier request with the same request id (nothing new written).</summary>
public sealed record Written<T>(T Value, bool Replayed);

/// <summary>How the request ledger keeps a write's answer and gives it again, marked as a replay.</summary>
public static class Written
{
    public static Written<T> New<T>(T value) => new(value, false);

    /// <param name="reference">What the ledger keeps (ids, as JSON in snake_case).</param>
    /// <param name="read">The answer read back by that reference, for a retry.</param>
    public static LedgerAnswer<Written<T>, TReference> Answer<T, TReference>(Func<T, TReference> reference, Func<TReference, CancellationToken, Task<T>> read) =>
        new(written => reference(written.Value), async (kept, ct) => new Written<T>(await read(kept, ct), true));
}
