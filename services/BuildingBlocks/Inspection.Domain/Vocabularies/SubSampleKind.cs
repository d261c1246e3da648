namespace Inspection.Domain.Vocabularies;

/// <summary>The sub-samples drawn from a sample (sampling.proto SubSample.kind). Its words: <c>WireWords.SubSampleKinds</c> in Inspection.Contracts.</summary>
public enum SubSampleKind
{
    CourtReports,
    StatutoryVictimContact,
    RoshRelevant,
}
