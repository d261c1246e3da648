namespace Inspection.Domain.Vocabularies;

/// <summary>The case attributes a draw stratifies, sets quotas or splits by, and the composition check reports (sampling.proto stratify_by, quotas, split, composition). Its words: <c>WireWords.SamplingAttributes</c> in Inspection.Contracts.</summary>
public enum SamplingAttribute
{
    SentenceType,
    Gender,
    EthnicGroup,
    Disability,
    RoshLevel,
    MappaLevel,
    ProlificPriorityOffender,
    ApprovedPremisesResident,
    StatutoryVictimContact,
    UnpaidWorkRequirement,
    UnpaidWorkOnly,
    CourtReportType,
    AllocatedOffice,
    AllocatedTeam,
}
