namespace Inspection.Sampling.Domain.Allocation;

/// <summary>
/// Allocation by fixed shares of one attribute's values instead of in proportion to the population
/// (2008: 40 licence, 60 community and 10 custody cases per 110).
/// </summary>
public sealed record FixedSplit(string Attribute, IReadOnlyList<SplitGroup> Groups)
{
    /// <summary>The 2008 offender management inspection design.</summary>
    public static FixedSplit Omi2008 { get; } = new("sentence_type",
    [
        new SplitGroup("licence", [CaseVocabulary.Licence], 40),
        new SplitGroup("community", [CaseVocabulary.CommunityOrder, CaseVocabulary.SuspendedSentenceOrder], 60),
        new SplitGroup("custody", [CaseVocabulary.Custody], 10),
    ]);
}
