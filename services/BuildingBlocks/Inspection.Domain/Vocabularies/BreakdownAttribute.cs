namespace Inspection.Domain.Vocabularies;

/// <summary>The case attributes scoring breaks ratings down by (scoring.proto attribute). Its words: <c>WireWords.BreakdownAttributes</c> in Inspection.Contracts.</summary>
public enum BreakdownAttribute
{
    Gender,
    EthnicGroup,
    RoshLevel,
    SentenceType,
    Stratum,
    UnpaidWorkOnly,
    CourtReport,
    StatutoryVictimContact,
    RoshRelevant,
    StaffGrade,
}
