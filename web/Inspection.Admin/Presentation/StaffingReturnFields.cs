using Inspection.Evidence.V1;

namespace Inspection.Admin.Presentation;

/// <summary>
/// The figures of the staffing and workload return as the form asks for them: every field of evidence.proto's
/// StaffingFigures in declaration order, with the words and unit staff know it by.
/// </summary>
public static class StaffingReturnFields
{
    private static readonly IReadOnlyDictionary<string, (string Label, string Unit)> Words = new Dictionary<string, (string, string)>
    {
        ["total_staff_fte"] = ("Total staff in post", "FTE"),
        ["spo_fte"] = ("Senior probation officers in post", "FTE"),
        ["po_fte"] = ("Probation officers in post", "FTE"),
        ["pso_fte"] = ("Probation services officers in post", "FTE"),
        ["vacancy_rate_pct"] = ("Vacancy rate, all staff", "%"),
        ["vacancy_rate_spo_pct"] = ("Vacancy rate, senior probation officers", "%"),
        ["vacancy_rate_po_pct"] = ("Vacancy rate, probation officers", "%"),
        ["vacancy_rate_pso_pct"] = ("Vacancy rate, probation services officers", "%"),
        ["sickness_days_per_staff_12m"] = ("Sickness absence per member of staff, last 12 months", "days"),
        ["attrition_pct_12m"] = ("Staff attrition, last 12 months", "%"),
        ["avg_caseload_per_po"] = ("Average caseload per probation officer", "cases"),
        ["avg_caseload_per_pso"] = ("Average caseload per probation services officer", "cases"),
        ["wmt_avg_po_pct"] = ("Workload measurement tool average, probation officers", "%"),
        ["wmt_avg_pso_pct"] = ("Workload measurement tool average, probation services officers", "%"),
        ["po_describing_workload_unmanageable_pct"] = ("Probation officers describing their workload as unmanageable", "%"),
        ["pso_describing_workload_unmanageable_pct"] = ("Probation services officers describing their workload as unmanageable", "%"),
    };

    public static IReadOnlyList<(string Field, string Label, string Unit)> All { get; } = StaffingFigures.Descriptor.Fields.InDeclarationOrder()
        .Select(f => (f.Name, Words.TryGetValue(f.Name, out var w) ? w.Label : f.Name.Replace('_', ' '), Words.TryGetValue(f.Name, out var u) ? u.Unit : ""))
        .ToList();

    /// <summary>Sets one optional figure by its proto field name.</summary>
    public static void Set(StaffingFigures figures, string field, double value) =>
        StaffingFigures.Descriptor.FindFieldByName(field).Accessor.SetValue(figures, value);

    /// <summary>The model key of a figure's field on the form.</summary>
    public static string ModelKey(string field) => $"Input.Figures.{field}";
}
