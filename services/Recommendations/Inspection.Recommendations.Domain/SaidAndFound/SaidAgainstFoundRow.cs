namespace Inspection.Recommendations.Domain.SaidAndFound;

/// <summary>
/// One provider's or region's figures: how many recommendations the addressee said were Complete or On track before
/// they were judged, and how many of those were then judged No progress or Some progress.
/// </summary>
/// <param name="Key">The provider's id, or the region ("" for addressees without one: the national bodies).</param>
public sealed record SaidAgainstFoundRow(string Key, string Label, string Region, int SaidDoneOrOnCourse, int ThenFoundShort)
{
    /// <summary>ThenFoundShort over SaidDoneOrOnCourse, from 0 to 1 (0 when nothing was said).</summary>
    public double Share => SaidDoneOrOnCourse == 0 ? 0 : (double)ThenFoundShort / SaidDoneOrOnCourse;
}
