namespace Inspection.Scoring.Domain.Ratings;

/// <summary>A published percentage with the number of applicable cases and Yes answers where known.</summary>
public sealed record PublishedFigure(int Pct, int? Applicable = null, int? Yes = null)
{
    /// <summary>k of n when both are known, or when n is known and only one k rounds to the published percentage.</summary>
    public YesCount? Count
    {
        get
        {
            if (Applicable is not { } n || n <= 0) return null;
            if (Yes is { } k) return new YesCount(k, n);
            var candidates = YesCount.YesCountsFor(Pct, n);
            return candidates.Count == 1 ? new YesCount(candidates[0], n) : null;
        }
    }
}
