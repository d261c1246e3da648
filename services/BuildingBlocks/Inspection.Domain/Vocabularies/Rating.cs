namespace Inspection.Domain.Vocabularies;

/// <summary>The frameworks' rating words, spelled as frameworks.json spells them (scoring.proto, evidence.proto rating). Its words: <c>WireWords.Ratings</c> in Inspection.Contracts.</summary>
public enum Rating
{
    Outstanding,
    Good,
    RequiresImprovement,
    Inadequate,
    NotApplicableCourtWorkOnly,
}
