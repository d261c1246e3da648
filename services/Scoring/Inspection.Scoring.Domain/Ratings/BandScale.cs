namespace Inspection.Scoring.Domain.Ratings;

/// <summary>The framework's key-question bands, applied to the rounded percentage.</summary>
public sealed class BandScale
{
    private readonly IReadOnlyList<RatingBand> _bands;

    public BandScale(IReadOnlyList<RatingBand> bands)
    {
        _bands = bands.OrderBy(b => b.MinPct).ToList();
    }

    public bool IsEmpty => _bands.Count == 0;

    public RatingBand BandFor(int roundedPct) =>
        _bands.FirstOrDefault(b => b.Contains(roundedPct)) ?? throw new ArgumentOutOfRangeException(nameof(roundedPct), $"{roundedPct}% is in no band");

    public RatingBand? BandAbove(RatingBand band)
    {
        var index = _bands.ToList().FindIndex(b => b.Rating == band.Rating);
        return index >= 0 && index + 1 < _bands.Count ? _bands[index + 1] : null;
    }

    public RatingBand? BandByRating(string rating) => _bands.FirstOrDefault(b => b.Rating == rating);

    /// <summary>
    /// Whether an interval crosses a band boundary. A boundary at b% lies at b - 0.5 in exact terms, because the band
    /// is applied to the half-up rounded percentage.
    /// </summary>
    public bool Crosses(WilsonInterval interval) =>
        _bands.Skip(1).Any(b => interval.LowerPct < b.MinPct - 0.5 && interval.UpperPct >= b.MinPct - 0.5);

    /// <summary>
    /// The edges of a band an interval crosses, as (edge in whole percent, the neighbouring band's rating): the lower
    /// edge unless the band is the lowest, the upper edge unless it is the highest. An edge at b% lies at b - 0.5 in
    /// exact terms, because the band is applied to the half-up rounded percentage.
    /// </summary>
    public IReadOnlyList<(int EdgePct, string Neighbour)> EdgesCrossed(RatingBand band, WilsonInterval interval) =>
        EdgesCrossed(band, interval.LowerPct, interval.UpperPct);

    /// <summary>The edges of a band the interval from <paramref name="lowerPct"/> to <paramref name="upperPct"/> crosses.</summary>
    public IReadOnlyList<(int EdgePct, string Neighbour)> EdgesCrossed(RatingBand band, double lowerPct, double upperPct)
    {
        var edges = new List<(int, string)>();
        var index = _bands.ToList().FindIndex(b => b.Rating == band.Rating);
        if (index < 0) return edges;
        bool Across(int edge) => lowerPct < edge - 0.5 && upperPct >= edge - 0.5;
        if (index > 0 && Across(band.MinPct)) edges.Add((band.MinPct, _bands[index - 1].Rating));
        if (index + 1 < _bands.Count && Across(_bands[index + 1].MinPct)) edges.Add((_bands[index + 1].MinPct, _bands[index + 1].Rating));
        return edges;
    }

    /// <summary>
    /// How many of the n applicable answers must turn from No to Yes for the rounded percentage to reach
    /// <paramref name="targetPct"/>; null when even all Yes would not.
    /// </summary>
    public static int? YesNeeded(YesCount count, int targetPct)
    {
        if (!count.HasCases) return null;
        for (var extra = 0; count.Yes + extra <= count.Applicable; extra++)
        {
            if (YesCount.RoundHalfUp(count.Yes + extra, count.Applicable) >= targetPct) return extra;
        }
        return null;
    }
}
