namespace Inspection.Sampling.Domain.Eligibility;

/// <summary>
/// Which cases of a snapshot may be sampled: start date inside any window, sentence type among those chosen
/// and, with a fixed split, a value that some split group holds. Every other case gets its reason.
/// </summary>
public sealed class EligibilityRule(IReadOnlyList<DateWindow> windows, IReadOnlyList<string> sentenceTypes, ResolvedSplit? split)
{
    private readonly string[] _sentenceTypes = sentenceTypes.ToArray();
    private readonly bool _everySentenceType = CaseVocabulary.SentenceTypes.All(sentenceTypes.Contains);

    public IReadOnlyList<DateWindow> Windows { get; } = windows;

    public IReadOnlyList<string> SentenceTypes { get; } = sentenceTypes;

    /// <summary>Why the case is not eligible, or null when it is.</summary>
    public Exclusion? Exclude(CaseRecord c)
    {
        if (!SentenceTypeChosen(c.SentenceType))
            return new Exclusion(Exclusion.SentenceTypeNotChosen, $"{c.SentenceType} is not among {string.Join(", ", SentenceTypes)}");
        if (!InAnyWindow(c.StartDate))
            return new Exclusion(Exclusion.OutsideWindows, $"started {CalendarDate.ToText(c.StartDate)}, outside {string.Join(" and ", Windows)}");
        if (split is not null && split.GroupOf(c) is null)
            return new Exclusion(Exclusion.NotInSplit, $"{split.Attribute.Name} {split.Attribute.ValueOf(c)} is in no split group");
        return null;
    }

    /// <summary>The category only (no allocation of a detail text): for counting a million cases quickly.</summary>
    public string? ExclusionCategory(CaseRecord c)
    {
        if (!SentenceTypeChosen(c.SentenceType)) return Exclusion.SentenceTypeNotChosen;
        if (!InAnyWindow(c.StartDate)) return Exclusion.OutsideWindows;
        if (split is not null && split.GroupOf(c) is null) return Exclusion.NotInSplit;
        return null;
    }

    /// <summary>The fixed split whose groups a case must fall in, or null.</summary>
    public ResolvedSplit? Split => split;

    public bool Chooses(string sentenceType) => SentenceTypeChosen(sentenceType);

    private bool SentenceTypeChosen(string sentenceType)
    {
        if (_everySentenceType) return true;
        foreach (var chosen in _sentenceTypes)
        {
            if (ReferenceEquals(chosen, sentenceType) || string.Equals(chosen, sentenceType, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private bool InAnyWindow(DateOnly date)
    {
        foreach (var window in Windows)
        {
            if (window.Contains(date)) return true;
        }
        return false;
    }
}
