namespace Inspection.Scoring.Domain.Ratings;

/// <summary>
/// k Yes answers of n applicable cases (Not applicable excluded from n): the exact fraction kept beside the published
/// whole-number percentage everywhere.
/// </summary>
public readonly record struct YesCount(int Yes, int Applicable)
{
    public bool HasCases => Applicable > 0;

    /// <summary>100k/n rounded half up to a whole number, as the reports print it; integer arithmetic so 49.5 is 50.</summary>
    public int? RoundedPct => Applicable > 0 ? RoundHalfUp(Yes, Applicable) : null;

    public double? ExactPct => Applicable > 0 ? 100.0 * Yes / Applicable : null;

    public WilsonInterval? Interval => Applicable > 0 ? WilsonInterval.For(Yes, Applicable) : null;

    public static int RoundHalfUp(int yes, int applicable)
    {
        if (applicable <= 0) throw new ArgumentOutOfRangeException(nameof(applicable));
        // floor(100k/n + 1/2) = floor((200k + n) / 2n)
        return (int)((200L * yes + applicable) / (2L * applicable));
    }

    /// <summary>Every k whose rounded percentage over n is the published one (a published figure with n known).</summary>
    public static IReadOnlyList<int> YesCountsFor(int roundedPct, int applicable) =>
        Enumerable.Range(0, applicable + 1).Where(k => RoundHalfUp(k, applicable) == roundedPct).ToList();

    public override string ToString() => $"{Yes}/{Applicable}";
}
