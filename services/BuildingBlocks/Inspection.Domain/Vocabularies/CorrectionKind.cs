namespace Inspection.Domain.Vocabularies;

/// <summary>What a correction of published figures changed (scoring.proto Correction.kind). Its words: <c>WireWords.CorrectionKinds</c> in Inspection.Contracts.</summary>
public enum CorrectionKind
{
    CaseAssessment,
    PanelDeparture,
    PublishedResults,
}
