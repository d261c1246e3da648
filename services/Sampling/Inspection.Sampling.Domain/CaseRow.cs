namespace Inspection.Sampling.Domain;

/// <summary>
/// A case as it arrives (a CSV line or a gRPC message), before validation: words and the date still text.
/// </summary>
public sealed record CaseRow(
    string? CaseReference,
    string? SentenceType,
    string? StartDate,
    string? Gender,
    string? EthnicGroup,
    bool Disability,
    string? RoshLevel,
    int MappaLevel,
    bool ProlificPriorityOffender,
    bool ApprovedPremisesResident,
    bool StatutoryVictimContact,
    bool UnpaidWorkRequirement,
    bool UnpaidWorkOnly,
    string? CourtReportType,
    string? AllocatedOffice,
    string? AllocatedTeam);
