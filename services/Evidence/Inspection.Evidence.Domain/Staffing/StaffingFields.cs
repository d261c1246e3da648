using Inspection.Domain.Vocabularies;

namespace Inspection.Evidence.Domain.Staffing;

/// <summary>
/// The fields of the staffing and workload return, in the order the return lists them. A range reason is a predicate
/// ("must be ...") so a form can put its own label in front of it.
/// </summary>
public static class StaffingFields
{
    private const string Rate = "must be a percentage from 0 to 100";
    private const string Fte = "must be from 0 to 10,000 full-time equivalents";
    // WMT figures are a percentage of an officer's capacity: reports print values around 80 to 150; outside
    // 10 to 250 the figure is more likely a fraction (1.17) or a caseload typed in the wrong box.
    private const string Wmt = "must be a percentage of capacity from 10 to 250";

    public static IReadOnlyList<StaffingField> All { get; } =
    [
        new("total_staff_fte", StaffingUnit.Fte, "Total staff in post (FTE)", 0m, 10_000m, Fte),
        new("spo_fte", StaffingUnit.Fte, "Senior probation officers in post (FTE)", 0m, 10_000m, Fte),
        new("po_fte", StaffingUnit.Fte, "Probation officers in post (FTE)", 0m, 10_000m, Fte),
        new("pso_fte", StaffingUnit.Fte, "Probation services officers in post (FTE)", 0m, 10_000m, Fte),
        new("vacancy_rate_pct", StaffingUnit.Percent, "Vacancy rate, all staff", 0m, 100m, Rate),
        new("vacancy_rate_spo_pct", StaffingUnit.Percent, "Vacancy rate, senior probation officers", 0m, 100m, Rate),
        new("vacancy_rate_po_pct", StaffingUnit.Percent, "Vacancy rate, probation officers", 0m, 100m, Rate),
        new("vacancy_rate_pso_pct", StaffingUnit.Percent, "Vacancy rate, probation services officers", 0m, 100m, Rate),
        new("sickness_days_per_staff_12m", StaffingUnit.DaysPerStaffMember12m, "Average sickness absence per member of staff, last 12 months (days)", 0m, 260m,
            "must be from 0 to 260 working days"),
        new("attrition_pct_12m", StaffingUnit.Percent, "Staff attrition, last 12 months", 0m, 100m, Rate),
        new("avg_caseload_per_po", StaffingUnit.CasesPerOfficer, "Average caseload per probation officer", 0m, 500m,
            "must be from 0 to 500 cases"),
        new("avg_caseload_per_pso", StaffingUnit.CasesPerOfficer, "Average caseload per probation services officer", 0m, 500m,
            "must be from 0 to 500 cases"),
        new("wmt_avg_po_pct", StaffingUnit.Percent, "Average workload measurement tool figure, probation officers", 10m, 250m, Wmt),
        new("wmt_avg_pso_pct", StaffingUnit.Percent, "Average workload measurement tool figure, probation services officers", 10m, 250m, Wmt),
        new("po_describing_workload_unmanageable_pct", StaffingUnit.Percent, "Probation officers describing their workload as unmanageable", 0m, 100m, Rate),
        new("pso_describing_workload_unmanageable_pct", StaffingUnit.Percent, "Probation services officers describing their workload as unmanageable", 0m, 100m, Rate),
    ];

    /// <summary>The grades whose FTE together cannot exceed the total in post.</summary>
    public static IReadOnlyList<string> GradeFte { get; } = ["spo_fte", "po_fte", "pso_fte"];

    public static StaffingField? Find(string name) => All.FirstOrDefault(f => f.Name == name);

    /// <summary>The field's place in the data return (fields it does not know go last).</summary>
    public static int Order(StaffingField field)
    {
        for (var i = 0; i < All.Count; i++)
            if (All[i] == field) return i;
        return All.Count;
    }
}
