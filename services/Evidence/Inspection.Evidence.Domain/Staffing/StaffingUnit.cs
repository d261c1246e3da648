namespace Inspection.Evidence.Domain.Staffing;

/// <summary>The units of the staffing and workload return, as its field names imply.</summary>
public static class StaffingUnit
{
    public const string Fte = "fte";
    public const string Percent = "percent";
    public const string DaysPerStaffMember12Months = "days_per_staff_member_12m";
    public const string CasesPerOfficer = "cases_per_officer";
}
