namespace Inspection.Domain.Vocabularies;

/// <summary>The unit of a staffing and workload figure (evidence.proto StaffingFigure.unit). Its words: <c>WireWords.StaffingUnits</c> in Inspection.Contracts.</summary>
public enum StaffingUnit
{
    Fte,
    Percent,
    DaysPerStaffMember12m,
    CasesPerOfficer,
}
