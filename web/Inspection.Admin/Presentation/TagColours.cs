namespace Inspection.Admin.Presentation;

/// <summary>
/// The chart fill of a rating or progress word, in the hue of its GOV.UK tag (RatingTag, ProgressTag): green,
/// turquoise, yellow, red, grey. One place, so every chart matches the tags beside it; null for other series.
/// </summary>
public static class TagColours
{
    public static string? ChartFill(string? word) => (word.As<Rating>(), word.As<ProgressWord>(), word) switch
    {
        (Rating.Outstanding, _, _) or (_, ProgressWord.SufficientProgress, _) => "#00703c",
        (Rating.Good, _, _) => "#28a197",
        (Rating.RequiresImprovement, _, _) or (_, ProgressWord.SomeProgress, _) => "#ffdd00",
        (Rating.Inadequate, _, _) or (_, ProgressWord.NoProgress, _) => "#d4351c",
        (_, _, "Not rated yet" or "Not yet judged") => "#505a5f",
        _ => null,
    };

    /// <summary>Text written on a fill: dark on the light yellow, white on the others.</summary>
    public static string TextOn(string fill) => fill == "#ffdd00" ? "#0b0c0c" : "#ffffff";
}
