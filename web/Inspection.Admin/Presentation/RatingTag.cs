namespace Inspection.Admin.Presentation;

/// <summary>A rating as a GOV.UK tag: the word is always printed; the colour only repeats it.</summary>
public static class RatingTag
{
    public static string ClassFor(string? rating) => rating switch
    {
        "Outstanding" => "govuk-tag--green",
        "Good" => "govuk-tag--turquoise",
        "Requires improvement" => "govuk-tag--yellow",
        "Inadequate" => "govuk-tag--red",
        _ => "govuk-tag--grey",
    };

    public static string TextFor(string? rating) => string.IsNullOrEmpty(rating) ? "Not rated yet" : rating;
}
