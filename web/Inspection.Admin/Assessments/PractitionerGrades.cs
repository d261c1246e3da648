namespace Inspection.Admin.Assessments;

/// <summary>
/// The grades of the practitioner holding a case, as the Probation Service grades its case managers: the code stored
/// (and shown in breakdowns) and its name. PO and PSO are the case-holding grades; PQiP learners hold cases while
/// training to be probation officers; SPOs (middle managers) sometimes hold cases themselves.
/// </summary>
public static class PractitionerGrades
{
    public static readonly IReadOnlyList<(string Code, string Name, string Hint)> All =
    [
        ("PO", "Probation officer (PO)", "Qualified probation officer, band 4"),
        ("PSO", "Probation services officer (PSO)", "Band 3"),
        ("PQiP", "Trainee probation officer (PQiP)", "On the Professional Qualification in Probation"),
        ("SPO", "Senior probation officer (SPO)", "A manager holding the case, band 5"),
    ];

    public static bool IsKnown(string? code) => All.Any(g => g.Code == code);

    public static string NameOf(string? code) => All.FirstOrDefault(g => g.Code == code).Name ?? code ?? "";
}
