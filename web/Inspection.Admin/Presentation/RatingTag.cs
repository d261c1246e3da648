namespace Inspection.Admin.Presentation;

/// <summary>A rating as a GOV.UK tag: the word is always printed; the colour only repeats it.</summary>
public static class RatingTag
{
    public static string ClassFor(string? rating) => rating.As<Rating>() switch
    {
        Rating.Outstanding => "govuk-tag--green",
        Rating.Good => "govuk-tag--turquoise",
        Rating.RequiresImprovement => "govuk-tag--yellow",
        Rating.Inadequate => "govuk-tag--red",
        _ => "govuk-tag--grey",
    };

    public static string TextFor(string? rating) => string.IsNullOrEmpty(rating) ? "Not rated yet" : rating;
}
