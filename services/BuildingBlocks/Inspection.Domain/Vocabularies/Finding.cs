namespace Inspection.Domain.Vocabularies;

/// <summary>Whether evidence shows a strength or an area for improvement (evidence.proto EvidenceItem.finding). Its words: <c>WireWords.Findings</c> in Inspection.Contracts.</summary>
public enum Finding
{
    Strength,
    AreaForImprovement,
}
