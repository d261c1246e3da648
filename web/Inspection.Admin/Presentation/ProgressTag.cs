namespace Inspection.Admin.Presentation;

/// <summary>
/// A progress judgement as a GOV.UK tag: the words are always printed, the colour only repeats them
/// (never colour alone).
/// </summary>
public static class ProgressTag
{
    public static string ClassFor(string? judgement) => judgement.As<ProgressWord>() switch
    {
        ProgressWord.NoProgress => "govuk-tag--red",
        ProgressWord.SomeProgress => "govuk-tag--yellow",
        ProgressWord.SufficientProgress => "govuk-tag--green",
        _ => "govuk-tag--grey",
    };

    public static string TextFor(string? judgement) => string.IsNullOrEmpty(judgement) ? "Not yet judged" : judgement;
}
