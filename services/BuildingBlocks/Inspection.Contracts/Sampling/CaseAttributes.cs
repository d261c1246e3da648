namespace Inspection.Sampling.V1;

/// <summary>
/// The attributes of a case as case sampling's contract carries them: a case of the caseload (<see cref="PopulationCase"/>)
/// and a case of a sample (<see cref="SampledCase"/>) hold the same sixteen fields, under the same names and types, so
/// they are written from a case one way.
/// </summary>
public interface ICaseAttributes
{
    string CaseReference { get; set; }
    string SentenceType { get; set; }
    string StartDate { get; set; }
    string Gender { get; set; }
    string EthnicGroup { get; set; }
    bool Disability { get; set; }
    string RoshLevel { get; set; }
    int MappaLevel { get; set; }
    bool ProlificPriorityOffender { get; set; }
    bool ApprovedPremisesResident { get; set; }
    bool StatutoryVictimContact { get; set; }
    bool UnpaidWorkRequirement { get; set; }
    bool UnpaidWorkOnly { get; set; }
    string CourtReportType { get; set; }
    string AllocatedOffice { get; set; }
    string AllocatedTeam { get; set; }
}

public sealed partial class PopulationCase : ICaseAttributes;

public sealed partial class SampledCase : ICaseAttributes;
