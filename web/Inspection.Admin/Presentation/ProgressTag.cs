namespace Inspection.Admin.Presentation;

/// <summary>
/// A progress judgement as a GOV.UK tag: the words are always printed, the colour only repeats them
/// (never colour alone).
/// </summary>
public static class ProgressTag
{
    public static string ClassFor(string? judgement) => judgement switch
    {
        "No progress" => "govuk-tag--red",
        "Some progress" => "govuk-tag--yellow",
        "Sufficient progress" => "govuk-tag--green",
        _ => "govuk-tag--grey",
    };

    public static string TextFor(string? judgement) => string.IsNullOrEmpty(judgement) ? "Not yet judged" : judgement;
}
