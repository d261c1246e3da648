using Inspection.Scoring.V1;

namespace Inspection.Admin.Assessments;

/// <summary>
/// A prompt's applicability markers in words, as the inspector needs them while answering: the framework prints
/// <c>*</c> (does not apply in unpaid-work-only cases) and <c>**</c> (does not apply in every case, so the inspector may
/// answer Not applicable).
/// </summary>
public static class MarkerWords
{
    public static string? For(Prompt prompt)
    {
        var words = new List<string>();
        if (prompt.NotEveryCase) words.Add("May be Not applicable");
        if (prompt.NotInUnpaidWorkOnly) words.Add(words.Count == 0 ? "Not asked in unpaid-work-only cases" : "not asked in unpaid-work-only cases");
        if (prompt.PostCustodyOnly) words.Add(words.Count == 0 ? "Licence cases only" : "licence cases only");
        return words.Count == 0 ? null : string.Join("; ", words);
    }
}
