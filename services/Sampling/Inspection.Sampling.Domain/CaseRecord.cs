namespace Inspection.Sampling.Domain;

/// <summary>
/// One validated case of a caseload snapshot (no names: the reference only). Enumerated attributes hold the
/// words of <see cref="CaseVocabulary"/>.
/// </summary>
public sealed record CaseRecord(
    string CaseReference,
    string SentenceType,
    DateOnly StartDate,
    string Gender,
    string EthnicGroup,
    bool Disability,
    string RoshLevel,
    int MappaLevel,
    bool ProlificPriorityOffender,
    bool ApprovedPremisesResident,
    bool StatutoryVictimContact,
    bool UnpaidWorkRequirement,
    bool UnpaidWorkOnly,
    string CourtReportType,
    string AllocatedOffice,
    string AllocatedTeam)
{
    /// <summary>A court report arose from the case (a pre-sentence report of any kind).</summary>
    public bool HasCourtReport => CourtReportType != "none";

    /// <summary>
    /// Risk of serious harm issues apply: assessed medium, high or very high, or managed under MAPPA. Key
    /// questions marked relevant_subsample_only are answered for these cases only.
    /// </summary>
    public bool RoshRelevant => RoshLevel != "low" || MappaLevel > 0;
}
